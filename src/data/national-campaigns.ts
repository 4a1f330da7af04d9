// National themes and edition numbers (第N个…) of the campaigns the theme rule judges: 安全生产月 (its
// themes are in themes.ts), 全国防灾减灾日 with its 防灾减灾宣传周, the “119”消防宣传月 with the 全国消防日,
// and the 全民禁毒宣传月 with the 国际禁毒日.
//
// Source of the last three: shared/data/national-campaign-themes.yaml, whose rules hold here too:
// - An entry is listed only when two independent pages or one official source (gov.cn, marked
//   "official") confirm it. A year that could not be confirmed is absent, and a year not listed is never
//   judged: there is nothing to guess from.
// - The theme is written as the national notice has it; `variants` are other wordings seen in reprints,
//   and count as the theme. Themes are compared without punctuation and spaces (normaliseTheme), so
//   "，" / "、" / a space / "·" between the halves never matter, only the words do. (The copies consulted
//   render "，" as ",", so the two could not be told apart in the sources.)
// - The sources are archived copies of public pages, many of them reprints on low-quality sites; each
//   entry's pages are listed beside it, as the data file has them.
import type { CampaignKind } from './campaigns.js';
import { normaliseTheme, SAFETY_MONTH_THEMES } from './themes.js';

/** A day or month whose editions are counted (第N个…), and under whose name a theme is announced. */
export type Observance = 'safety-month' | 'disaster-day' | 'fire-day' | 'fire-month' | 'drug-day' | 'drug-month';

export interface YearTheme {
  year: number;
  theme: string;
  /** Other wordings of the same theme seen in reprints: they count as the theme. */
  variants?: readonly string[];
  /** What the theme was announced for, where the campaign's own name is not it (消防日 or 消防宣传月). */
  statedAs?: Observance;
  /** 全国消防日: the edition that year's own reports used (before 2020 there is no single count). */
  edition?: number;
  /** Other numbers that year's reports used: such a year's edition is not judged. */
  editionAlsoSeen?: readonly number[];
  /** 防灾减灾宣传周: its first and last day (MM-DD), where the sources state them. */
  week?: readonly [string, string];
  note?: string;
}

/** How an observance numbers its editions: edition N is held in year N + base, in the years from–to. */
export interface EditionCount {
  observance: Observance;
  base: number;
  /** The first year the count holds in. */
  from: number;
  /** The last year it is known to hold in, where the sources checked no later year. */
  to?: number;
  /** Editions of years before `from` that their own reports numbered otherwise: year → edition. */
  earlier?: ReadonlyMap<number, number>;
  /** The words after 第N个 that name the observance (a regular expression's source). */
  words: string;
}

export interface NationalCampaign {
  /** The campaign's id in the campaign calendar (campaigns.ts). */
  id: Exclude<CampaignKind['id'], 'health-month'>;
  /** Recognised in a plan's title (消防日 too, which the calendar's pattern does not know). */
  title: RegExp;
  /** What its themes are announced for, unless an entry says otherwise. */
  themesOf: Observance;
  themes: readonly YearTheme[];
  editions: readonly EditionCount[];
  /** A slogan that is never another year's theme from `from` on, though some years had it as their theme. */
  standingSlogan?: { text: string; from: number };
}

// 全国防灾减灾日, May 12, since 2009; the 防灾减灾宣传周 is the week around it.
export const DISASTER_DAY_THEMES: readonly YearTheme[] = [
  {
    year: 2010, theme: '减灾从社区做起', week: ['05-07', '05-13'],
    // http://www.tsrb.com.cn/xwzx/2010-05/12/content_8683.htm   天水日报 2010-05-12, "第二个"
    // http://yangyangmei.cn/shenghuo/doc/130059.html   year list
    // http://360doc.com/content/23/1013/10/8091960_1100024561.shtml   2009-2023 list
  },
  {
    year: 2011, theme: '防灾减灾从我做起', week: ['05-09', '05-15'],
    // http://weather.com.cn/guangxi/tqxw/1330200.shtml   2011-05-12, "第三个", theme stated
    // http://yangyangmei.cn/shenghuo/doc/130059.html
  },
  {
    year: 2012, theme: '弘扬防灾减灾文化，提高防灾减灾意识', week: ['05-07', '05-13'],
    // http://www.adamut.com/newdzb/html/2012-04/03/content_2125.htm   公益时报 2012-04-03, 国家减灾委 notice, "第四个"
    // http://yangyangmei.cn/shenghuo/doc/130059.html
  },
  {
    year: 2013, theme: '识别灾害风险，掌握减灾技能', week: ['05-06', '05-12'],
    // https://www.gov.cn/jrzg/2013-05/06/content_2396789.htm   official (新华社 via gov.cn), "第五个"
    // http://yangyangmei.cn/shenghuo/doc/130059.html
  },
  {
    year: 2015, theme: '科学减灾 依法应对', week: ['05-11', '05-17'],
    // http://yfzh.org.cn/Article/index/id/641/aid/341   2015-05-02, quotes 国家减灾委 notice, "第七个"
    // http://yangyangmei.cn/shenghuo/doc/130059.html
  },
  {
    year: 2016, theme: '减少灾害风险 建设安全城市', variants: ['减少灾害风险，建设安全城市'], week: ['05-09', '05-15'],
    // http://ahxkjx.com/article/742944.htm   国家减灾委 announcement, "第八个"
    // http://kaojiazhao.com/news1286066
    // http://furuntx.com/p/24174.html   人民日报 2016-05-12 reprint (comma)
  },
  {
    year: 2017, theme: '减轻社区灾害风险，提升基层减灾能力',
    // https://www.cnss.com.cn/html/currentevents/20170515/271407.html   防城港日报 2017, "第9个"
    // http://m.news.wmxa.cn/n/201705/460283.html   西安灞桥 2017, "第九个"
  },
  {
    year: 2018, theme: '行动起来，减轻身边的灾害风险', week: ['05-07', '05-13'],
    // https://meipian.cn/1av5iai1   "第十个", 汶川十周年
    // http://yangyangmei.cn/shenghuo/doc/130059.html
  },
  {
    year: 2019, theme: '提高灾害防治能力，构筑生命安全防线', week: ['05-06', '05-12'], // 提高, not 提升
    // https://ppfocus.com/0/sc4063e5f.html   quotes 国家减灾委 notice, "第11个"
    // https://yadoura.com/post/117183.html
    // https://360yingji.com/info/1054/19831.htm   杨凌 2019
  },
  {
    year: 2020, theme: '提升基层应急能力，筑牢防灾减灾救灾的人民防线', week: ['05-09', '05-15'],
    // http://www.3a-pro.cn/NewsDetailt.aspx?id=400
    // https://m.tftnews.com/news8608292
    // http://foxz-www.plus.jlntv.cn/folder3584/folder3585/folder3591/2020-05-12/aMqrziopMH6E6ye5.html
  },
  {
    year: 2021, theme: '防范化解灾害风险，筑牢安全发展基础', week: ['05-08', '05-14'],
    // https://3dmxku.com/daquan/zonghe/3215278.html
    // http://www.mxrb.cn/dzb/mxrb/2021-05/13/content_75239.html   新华社 photo caption
    // https://www.jinshusy.com/news/show-15144.html   国家减灾委/应急管理部 summary
  },
  {
    year: 2022, theme: '减轻灾害风险，守护美好家园', week: ['05-07', '05-13'],
    // http://big5.www.gov.cn/gate/big5/www.gov.cn/xinwen/2022-02/25/content_5675638.htm   official (gov.cn, 国家减灾委办公室 notice)
    // http://www.mei-nu.com/article/11002.html   新华社 2022-02-25 reprint
  },
  {
    year: 2023, theme: '防范灾害风险 护航高质量发展', variants: ['防范灾害风险，护航高质量发展', '防范灾害风险、护航高质量发展'], week: ['05-06', '05-12'],
    // http://news.lygmedia.com/xinwen/20230302/02144367.html   国家减灾委办公室 notice text
    // https://xdgh.xmu.edu.cn/info/1041/11660.htm
    // http://360doc.com/content/23/1013/10/8091960_1100024561.shtml
  },
  {
    year: 2024, theme: '人人讲安全、个个会应急——着力提升基层防灾避险能力', week: ['05-11', '05-17'],
    // https://3366ai.com/p-7510d76f166a993a.html   full text of the 2024 notice
    // https://m.cuncom.com/w09324.html   国家防灾减灾救灾委员会办公室 summary
    // http://zltphgh.com/html/892/2024-05-12/content-18993.html
  },
  {
    year: 2025, theme: '人人讲安全、个个会应急——排查身边灾害隐患', week: ['05-12', '05-18'],
    // https://www.toutiao.com/topic/7502584435779569664   应急管理部 press conference + notice text
    // https://www.wzhh120.com/yiyuanzhuanti/yiyuandongtai/xinwendongtai/2025-05-12/2932.html
    // https://www.jnsszjgyy.net/modules/article/view.article.php/483
  },
  // Left out:
  //   2009 (第1个): no national theme found. The first 防灾减灾日 (宣传周 05-07..05-13) is described
  //     without a theme (中新社 2009-05-07 reprint http://92880.cn/cul/news/2009/05-08/1682040.shtml;
  //     宜昌 notice 宜府办文〔2009〕024号); the year lists start their themes at 2010.
  //   2014 (第6个): only one year list (yangyangmei.cn) gives 城镇化与减灾; the one other page using
  //     that wording (1024tb.com) mislabels the year (says 第九个 / 2018). Likely 城镇化与减灾, unconfirmed.
  //   2017 week dates not found (theme confirmed).
  // Conflicts seen (rejected, each contradicts the official/majority wording for that year):
  //   xinchifarm.com/Print.aspx?id=29552 gives 2024 (第16个) = 防范灾害风险，护航高质量发展 (that is 2023's).
  //   qtfm.cn/channels/504729/programs/29372035 calls 2023 the 第十七个 with 人人讲安全，个个会应急 (2025's).
  //   putibazi.com/article/116486.html gives 2025 = 提升基层应急能力，筑牢防灾减灾人民防线 (≈2020's).
  //   meipian.cn/46wpgdpy gives the 2022 宣传周 as 05-09..05-15; the gov.cn notice says 05-07..05-13.
];

// “119”消防宣传月 (November, since 2017) and the 全国消防日 (November 9). `statedAs` says whether the theme
// was announced as the 119消防日 (活动) theme or the 消防宣传月 (活动) theme.
export const FIRE_THEMES: readonly YearTheme[] = [
  {
    year: 2011, theme: '全民消防，生命至上', variants: ['全民消防·生命至上'], statedAs: 'fire-day', edition: 21,
    // http://www.yangjiang.gov.cn/zwgk/yjgl/yjgz/content/post_124746.html   official-looking (阳江 gov), 清剿火患 year, "第21个"
    // https://www.163.com/dy/article/E04ATGR60514A1UJ.html   year list (·)
    // http://clearvueentertainment.com/z/1164594.html   year list (·)
  },
  {
    year: 2012, theme: '人人参与消防，共创平安和谐', variants: ['人人参与消防·共创平安和谐', '人人参与消防、共创平安和谐'], statedAs: 'fire-day',
    // http://xxdss.com/news/show-409.html   北海 2012: "今年的宣传主题"
    // http://bwc.smxpt.cn/content.jsp?urltype=news.NewsContentUrl&wbtreeid=1043&wbnewsid=1027&archive=0   2015 list
    // https://www.163.com/dy/article/E04ATGR60514A1UJ.html
  },
  {
    year: 2013, theme: '认识火灾、学会逃生', variants: ['认识火灾，学会逃生'], statedAs: 'fire-day', edition: 23,
    // https://ehs.cn/article-16764-1.html   2013-11-07: 公安部消防局确定…以"认识火灾、学会逃生"为主题, "第23个"
    // https://www.163.com/dy/article/E04ATGR60514A1UJ.html
    // http://clearvueentertainment.com/z/1164594.html
  },
  {
    year: 2015, theme: '参与社区消防，建设平安家园', variants: ['参与社区消防、建设平安家园'], statedAs: 'fire-day', edition: 25,
    // https://bbs.hichuzhou.com/thread-857807-1-1.html   滁州 119消防宣传日 launch
    // http://bwc.smxpt.cn/content.jsp?urltype=news.NewsContentUrl&wbtreeid=1043&wbnewsid=1027&archive=0   2015-11-09, "第25个"
    // https://www.163.com/dy/article/E04ATGR60514A1UJ.html
  },
  {
    year: 2016, theme: '消除火灾隐患、共建平安社区', variants: ['消除火灾隐患，共建平安社区', '消除火灾隐患 共建平安社区'], statedAs: 'fire-day', edition: 26,
    // http://yongankeji119.com/userlist/yaxf/newshow-99531.html   2016-11-01, 公安部消防局 notice on 2016 “119消防日”
    // http://119tx.com/news/show-34698.html   same notice
    // https://m.yybnet.net/news/shehui/201611/5407251.html   安庆晚报 2016-11-12, "第26个"
    // http://www.ykwin.com/ms/bxss/20161107_180873.html   营口 2016-11-07
  },
  {
    // 六安: "全国第27个消防日，活动主题是…", at the 2017 “119”消防宣传月 launch
    year: 2017, theme: '关注消防，平安你我', variants: ['关注消防 平安你我', '关注消防、平安你我'], statedAs: 'fire-day', edition: 27,
    // http://union.china.com.cn/txt/2017-11/10/content_40064332.htm   六安 2017-11-10
    // https://www.163.com/dy/article/E04ATGR60514A1UJ.html
    // https://wxredian.com/art?id=97b62a451e5bf2464ceb98986af97fff   沧州消防 year list
  },
  {
    year: 2019, theme: '防范火灾风险，建设美好家园', variants: ['防范火灾风险、建设美好家园'], statedAs: 'fire-month', edition: 28, editionAlsoSeen: [29],
    // http://xj1086.cn/news_view.asp?id=246   says 第29个
    // http://lololadesign.com/hyxw/232.html   2019-12-25
    // https://i.xpaper.net/JTSB008/news/3693/22909/115862-1.shtml   district paper, "第28个"
  },
  {
    year: 2020, theme: '关注消防、生命至上', variants: ['关注消防，生命至上', '关注消防 生命至上'], statedAs: 'fire-month', edition: 29,
    // http://555qipai.net/anquanyue/news/202010/5615705.shtml   应急管理部消防救援局 应急消〔2020〕310号
    // http://www.cp705.com/2020-11/09/content_30535496_5.htm   东南网 三明 2020-11-09
    // https://qbaiwen.com/life/184011.html   "第29届"
  },
  {
    year: 2021, theme: '落实消防责任，防范安全风险', variants: ['落实消防责任 防范安全风险', '落实消防责任、防范安全风险'], statedAs: 'fire-month', edition: 30,
    // http://readke.com/c/1544053_2.html   宣传月 theme, "第五个全国消防宣传月"
    // http://m.senbk.com/jiaoyu/192739.html
    // http://91wnl.com/article2773778   "第30届"
  },
  {
    // 国务院安委办 2022-10-10 notice: 消防日活动的主题; 11月集中开展消防宣传月
    year: 2022, theme: '抓消防安全，保高质量发展', variants: ['抓消防安全、保高质量发展', '抓消防安全 保高质量发展'], statedAs: 'fire-day', edition: 31,
    // https://itu8.cn/newsinfo/189.html   notice summary
    // http://oriks.com.cn/detail.aspx?id=521&node=719
    // http://www.ranqi119.com/to/1678772931144507.html   中国青年报 reprint
    // http://www.sc-soan.com/news/511.html
  },
  {
    year: 2023, theme: '预防为主，生命至上', variants: ['预防为主、生命至上', '预防为主 生命至上'], statedAs: 'fire-month', edition: 32,
    // http://hn.news.cn/20231109/91d5a9e159784a05bd6d63b380701fa0/c.html   新华网 2023-11-09, "第32个"
    // http://rank.chinaz.comwww.wwwmw.gov.cn/articles/2023/11/15/article_111_87848_1.html   武威 (gov page, URL as archived)
    // https://jianpian.cn/a/wvm5fkw
  },
  {
    year: 2024, theme: '全民消防、生命至上', variants: ['全民消防，生命至上', '全民消防 生命至上'], statedAs: 'fire-month', edition: 33,
    // http://cutlerdistribution.com/n2/2024/1110/c192237-41036793.html   人民日报 2024-11-10 text (mirror)
    // http://pic.people.com.cn/n1/2024/1109/c1016-40357566-17.html   人民网
    // http://ks.hbjd.edu.cn/webbwk/article-view-id-703.html
  },
  {
    year: 2025, theme: '全民消防、生命至上——安全用火用电', variants: ['全民消防，生命至上——安全用火用电'], statedAs: 'fire-month', edition: 34,
    // http://zjfzb.zjol.com.cn/html/2025-11/07/content_4437442.htm   新华社 via 浙江法制报
    // http://blog.zzhuanghui.com/p?id=4465765   光明日报 2025-11-04 text (mirror)
    // http://www.roflshirts.com/news/zyzz/china1/4801.html   四川 launch, "第34个"
    // http://www.pazjw.gov.cn/gongchuangpingan/202511/t20251106_31328470.shtml   浙江 (comma)
  },
  // Left out:
  //   2014: only year lists (找火灾隐患，保家庭平安 on 163.com/clearvue/unjs/wxredian); the 2015 smxpt.cn
  //     list says 查火灾隐患，保家庭平安 and xzzsz.com shows 找火灾隐患、保家庭平安 as the 2016 poster,
  //     so neither the wording nor the year is settled; no report from 2014 itself found.
  //   2018: only year lists (全民参与，防治火灾) and an AI-written Q&A page (pintu360.com); no report
  //     from 2018 itself found; the 2018 edition number is also unsettled (27 or 28).
  // Conflicts seen (rejected):
  //   wiki.yeboo88.com/a/0vvE60.html: 2023 = 心系消防护万家，全力以赴保平安 (unsupported, AI-style page).
  //   fudaoke.com/exam/2933785.html: 2025 = 落实消防责任，防范安全风险 (that is 2021's).
  //   zixun.cusdn.org.cn/jxfw/202506/424733.html: 2024 = 预防为主，生命至上 (that is 2023's).
  //   banbaow.com/shouchaobao/25587.html: 2024 = 全民消防、安全至上 (wrong word).
  //   xzzsz.com: 2016 poster 找火灾隐患、保家庭平安 (2014's list wording) vs the 2016 公安部消防局 notice.
  //   Edition numbers, see FIRE_DAY below: 2019 第28个 vs 第29个; year lists disagree by one for 2011-2018.
];

// 全民禁毒宣传月 (June) and the 国际禁毒日 (June 26). The theme is China's own 宣传主题, set by 国家禁毒委 /
// 国家禁毒办 for the 宣传月 and 6·26, not the UN/UNODC theme of the international day; many year lists mix
// the two.
export const ANTI_DRUG_THEMES: readonly YearTheme[] = [
  {
    year: 2016, theme: '无毒青春，健康生活',
    // http://m.aokangli.com/fangjia/jieri/636578.html   quotes 国家禁毒办 2016-05-25《关于做好全民禁毒宣传月宣传工作的通知》
    // https://m.tianqijun.com/shenghuo/doc/147478.html   year list
  },
  {
    year: 2017, theme: '无毒青春，健康生活',
    // http://m.aokangli.com/fangjia/jieri/636578.html   2017: theme "被国家禁毒委员会正式确立"
    // http://wumasheying.com/news/lygxw/2017/0626/84959.shtml   连云港 2017-06-26 (全市各地以此为主题)
    // http://hubeilong.com/c/0P22051S12023.html
  },
  {
    year: 2021, theme: '防范新型毒品对青少年危害',
    // https://qiyehai.com/finance/15477.html   2021: "第34个…今年我国禁毒日活动主题是…"
    // https://m.rili.com.cn/6yuejieri/gjjdr/87787.html
    // https://m.tianqijun.com/shenghuo/doc/147478.html
  },
  {
    year: 2022, theme: '健康人生、绿色无毒', variants: ['健康人生，绿色无毒', '健康人生 绿色无毒'],
    note: "the standing slogan served as the year's theme; no separate 2022 theme found",
    // https://news.sina.com.cn/sx/2022-06-27/detail-imizmscu8983597.shtml   抚州 2022-06-24 6·26 event "以…为主题"
    // https://m.tianqijun.com/shenghuo/doc/147478.html
  },
  {
    year: 2023, theme: '健康人生、绿色无毒', variants: ['健康人生，绿色无毒', '健康人生 绿色无毒'],
    note: "the standing slogan served as the year's theme; no separate 2023 theme found",
    // https://m.tianqijun.com/shenghuo/doc/147478.html   2023 article: "2023年国际禁毒日主题是健康人生、绿色无毒"
    // http://jindu626.com/news_henan/2023-07-07/29438.html   驻马店 2023, "第36个", 倡导…理念
  },
  {
    year: 2024, theme: '防范青少年药物滥用', variants: ['全民共治、防范青少年药物滥用'],
    // http://xb614f.guoluhuishou.com/html/72e999030.html   苏州日报 2024 (mirror): "第37个…今年的主题是…"
    // https://www.qudaojing.com/hubsj/31687.html   咸宁/赤壁 2024, "第14个全民禁毒宣传月"
  },
  {
    year: 2025, theme: '防范青少年药物滥用',
    // http://henanjr.btbkdf.com/info/1058/59711.htm   college notice 2025-06-06: "国家禁毒办将防范青少年药物滥用确定为今年全民禁毒宣传月和'6·26'国际禁毒日的宣传主题" (site carries injected spam)
    // https://www.sxkjbs.com/index.php/yangquan/8mRnNqvRb1.html   山西科技报 2025-06-27, "第15个…第38个"
    // http://www.vipqmm.cn/a/3942.html   海南 2025 宣传月
    // http://epaper.cnnb.com.cn/nbrb/pc/content/202506/25/content_221072.html   宁波日报 2025-06-25
  },
  // Left out:
  //   2015: only year lists (抵制毒品，参与禁毒) that mix UN and Chinese themes; no 2015 report found.
  //   2018: conflict. A 2018 article (ergou.cc/ent/643453.html, citing 新华网/人民网) says 我国的宣传主题
  //     是健康人生、绿色无毒; the year lists (tianqijun/ayshz/rili) say 抵制毒品，参与禁毒.
  //   2019, 2020: only year lists (健康人生，绿色无毒) plus an AI-written Q&A (lh987.com) and a local
  //     variant (南开 2020 "健康生活、绿色无毒"); probably the standing slogan, unconfirmed.
  // Conflicts seen (rejected):
  //   2025 = 健康人生，绿色无毒 on news.pinpaifeng.com/n/89313.html (滨州 commentary) and an AI essay
  //     (47.98.214.211); the 国家禁毒办 wording quoted above says 防范青少年药物滥用. The 2025 七部门倡议
  //     (kuaizu.me/post/13664.html) uses 健康人生、绿色无毒 as its 理念, which explains the mix-up.
  //   Local events often carry their own slogans (2016 北京 拒绝毒品诱惑…, 庆阳 青春无毒 健康生活,
  //     2017 连云港 依法禁毒，构建和谐, 2020 汉中 倾听禁毒声音，共创绿色家园, 2024 随州 无毒青春·绽放未来);
  //     these are not national themes.
];

/**
 * 健康人生、绿色无毒: the standing slogan (理念) of national anti-drug publicity since about 2018. It appears in
 * plans of every later year (beside 2024–2025's 防范青少年药物滥用), so from 2018 on it is never a wrong theme.
 */
export const ANTI_DRUG_SLOGAN = { text: '健康人生、绿色无毒', from: 2018 } as const;

// How each observance counts its editions. Optional words around the name: 全国, quotes, “119”, “6·26”.
const FIRE = '(?:全国\\s*)?[“"]?(?:119\\s*[”"]?\\s*)?(?:全国\\s*)?消防';

export const SAFETY_MONTH: EditionCount = { observance: 'safety-month', base: 2001, from: 2002, words: '(?:全国\\s*)?[“"]?安全生产月' };
/** 第N个全国防灾减灾日: 2010 第二个 … 2025 第17个. */
export const DISASTER_DAY: EditionCount = { observance: 'disaster-day', base: 2008, from: 2009, words: '(?:全国\\s*)?[“"]?防灾减灾日' };
/**
 * 第N个全国消防日. No single count: reports of 2011–2017 counted year − 1990 (2013 第23个, 2016 第26个, 2017
 * 第27个), official reports from 2020 on count year − 1991 (2022 第31个, 2024 第三十三个, 2025 第34个), and
 * 2019's reports are split (第28个 / 第29个). Before 2020, only the number a listed year's own reports
 * used, where they agree.
 */
export const FIRE_DAY: EditionCount = {
  observance: 'fire-day', base: 1991, from: 2020, words: `${FIRE}(?:宣传)?日`,
  earlier: new Map(FIRE_THEMES.filter((t) => t.year < 2020 && t.edition !== undefined && !t.editionAlsoSeen).map((t) => [t.year, t.edition!])),
};
/** 第N个全国消防宣传月: the month since 2017 (2021 第五个, 2024 第八个). */
export const FIRE_MONTH: EditionCount = { observance: 'fire-month', base: 2016, from: 2017, words: `${FIRE}宣传月` };
/** 第N个国际禁毒日: since 1988 (2021 第34个, 2023 第36个, 2024 第37个, 2025 第38个). */
export const DRUG_DAY: EditionCount = { observance: 'drug-day', base: 1987, from: 1988, words: '[“"]?(?:6\\s*[·.．]\\s*26\\s*[”"]?\\s*)?国际禁毒日' };
/** 第N个全民禁毒宣传月 = year − 2010, checked only for 2024 (第14个) and 2025 (第15个). */
export const DRUG_MONTH: EditionCount = { observance: 'drug-month', base: 2010, from: 2024, to: 2025, words: '(?:全民\\s*)?禁毒宣传月' };

/** The campaigns the theme rule knows, in the order a title is tried against them. */
export const NATIONAL_CAMPAIGNS: readonly NationalCampaign[] = [
  {
    id: 'safety-month', title: /安全生产月/, themesOf: 'safety-month',
    themes: SAFETY_MONTH_THEMES.map(({ year, theme }) => ({ year, theme })), editions: [SAFETY_MONTH],
  },
  { id: 'disaster-week', title: /防灾减灾/, themesOf: 'disaster-day', themes: DISASTER_DAY_THEMES, editions: [DISASTER_DAY] },
  { id: 'fire-month', title: /119|消防宣传月|消防日/, themesOf: 'fire-month', themes: FIRE_THEMES, editions: [FIRE_DAY, FIRE_MONTH] },
  {
    id: 'anti-drug-month', title: /禁毒/, themesOf: 'drug-month', themes: ANTI_DRUG_THEMES, editions: [DRUG_DAY, DRUG_MONTH],
    standingSlogan: ANTI_DRUG_SLOGAN,
  },
];

export const nationalCampaignOf = (title: string | undefined): NationalCampaign | undefined =>
  title ? NATIONAL_CAMPAIGNS.find((c) => c.title.test(title)) : undefined;

/** The edition held in `year`, or undefined where the count is not known to hold (or the sources disagree). */
export function editionOf(count: EditionCount, year: number): number | undefined {
  if (year >= count.from && (count.to === undefined || year <= count.to)) return year - count.base;
  return count.earlier?.get(year);
}

/** The year edition `n` was held in, where that is known. */
export function yearOfEdition(count: EditionCount, n: number): number | undefined {
  if (editionOf(count, n + count.base) === n) return n + count.base;
  for (const [year, edition] of count.earlier ?? []) if (edition === n) return year;
  return undefined;
}

/** 第N个 followed by the observance's name, N in Chinese or Arabic numerals (group 1). */
export const editionPattern = (count: EditionCount): RegExp =>
  new RegExp(`第\\s*([〇零一二两三四五六七八九十百]+|\\d+)\\s*个\\s*${count.words}`, 'g');

/** The campaign's theme of `year`, or undefined where that year is not listed. */
export const themeOf = (campaign: NationalCampaign, year: number): YearTheme | undefined =>
  campaign.themes.find((t) => t.year === year);

const wordings = (t: YearTheme): string[] => [t.theme, ...(t.variants ?? [])].map(normaliseTheme);

/**
 * The years whose theme `text` is: it matches a year's theme or one of its variants, and then every
 * year with that same theme counts (全民共治、防范青少年药物滥用, a 2024 variant, is 2025's theme too).
 */
export function yearsOfTheme(campaign: NationalCampaign, text: string): number[] {
  const n = normaliseTheme(text);
  const themes = new Set(campaign.themes.filter((t) => wordings(t).includes(n)).map((t) => normaliseTheme(t.theme)));
  return campaign.themes.filter((t) => themes.has(normaliseTheme(t.theme))).map((t) => t.year);
}

/**
 * The listed year of another theme that `text` is, when the plan's `year` is listed with a theme of its
 * own. Not another year's theme: `year`'s own theme, the standing slogan, or `year`'s main theme written
 * without its sub-theme (2025's 全民消防、生命至上——安全用火用电 as 全民消防、生命至上, which was 2024's whole
 * theme). Of several such years, the one nearest `year`.
 */
export function otherYearOfTheme(campaign: NationalCampaign, text: string, year: number): YearTheme | undefined {
  const current = themeOf(campaign, year);
  const years = yearsOfTheme(campaign, text);
  if (!current || years.length === 0 || years.includes(year)) return undefined;
  const n = normaliseTheme(text);
  const slogan = campaign.standingSlogan;
  if (slogan && year >= slogan.from && n === normaliseTheme(slogan.text)) return undefined;
  if (wordings(current).some((w) => w.startsWith(n))) return undefined;
  const nearest = years.reduce((a, b) => (Math.abs(b - year) < Math.abs(a - year) ? b : a));
  return themeOf(campaign, nearest);
}

/**
 * For a plan whose own year is not listed: the earlier listed year whose theme `text` is — a copy of an old
 * plan — where the data says that theme is over. Never a judgement of the year itself (its theme is not
 * known), so only where the theme cannot be the year's own:
 * - every listed year with that theme lies before `year`, and it is not the standing slogan;
 * - no later listed year carries it on as its main theme (2023's 人人讲安全、个个会应急 heads 2024's and 2025's);
 * - a later listed year before `year` had another theme, or the theme was one year's only and the campaign has
 *   never kept a theme for two listed years running (禁毒 kept 2024's for 2025: in 2026 it may go on again).
 */
export function earlierYearOfTheme(campaign: NationalCampaign, text: string, year: number): YearTheme | undefined {
  if (themeOf(campaign, year)) return undefined;
  const years = yearsOfTheme(campaign, text);
  if (years.length === 0 || years.some((y) => y >= year)) return undefined;
  const n = normaliseTheme(text);
  const slogan = campaign.standingSlogan;
  if (slogan && year >= slogan.from && n === normaliseTheme(slogan.text)) return undefined;
  const last = Math.max(...years);
  const later = campaign.themes.filter((t) => t.year > last);
  if (later.some((t) => wordings(t).some((w) => w.startsWith(n)))) return undefined;
  const ended = later.some((t) => t.year < year);
  if (!ended && (years.length > 1 || keepsThemes(campaign))) return undefined;
  return themeOf(campaign, last);
}

/** Whether two listed years in a row had the same theme. */
function keepsThemes(campaign: NationalCampaign): boolean {
  return campaign.themes.some((t) => {
    const next = themeOf(campaign, t.year + 1);
    return next !== undefined && normaliseTheme(next.theme) === normaliseTheme(t.theme);
  });
}

/**
 * For a plan of a year after the last one an observance's count is known to hold in (全民禁毒宣传月: 2025): the
 * earlier year whose edition `n` is. Editions go up by one a year, so an earlier year's number is never the
 * plan's; which number is right is not claimed.
 */
export function earlierYearOfEdition(count: EditionCount, n: number, year: number): number | undefined {
  if (editionOf(count, year) !== undefined || count.to === undefined || year <= count.to) return undefined;
  const at = yearOfEdition(count, n);
  return at !== undefined && at < year ? at : undefined;
}
