// What a reader or the editor says went wrong, in Chinese. The readers (src/containers, src/importer,
// src/sheets) and the editor (src/edit) say it in English, and a library's own sentence may be inside
// (pdf.js's "Invalid PDF structure."); a Chinese message shows these words, never the English, which the
// English message keeps. A sentence not known here is said in general words.

const SAYINGS: [RegExp, (m: RegExpExecArray) => string][] = [
  // Archives (.docx, .xlsx, OFD) and compound files (.doc, .xls, .wps).
  [/packed more than (\d+):1/, (m) => `压缩比超过 ${m[1]}:1，疑似“压缩炸弹”`],
  [/unpacks to more than it declares/, () => '解压后比声明的大，疑似“压缩炸弹”'],
  [/^archive unpacks to more than (\d+) MB/, (m) => `解压后超过 ${m[1]} MB`],
  [/^archive larger than (\d+) MB/, (m) => `压缩包超过 ${m[1]} MB`],
  [/^archive with more than (\d+) entries/, (m) => `压缩包内的文件超过 ${m[1]} 个`],
  [/^archive entry .* is encrypted/, () => '压缩包内的文件已加密'],
  [/^archive entry .* uses compression method/, () => '压缩包用了不支持的压缩方式'],
  [/^ZIP64/, () => '不支持 ZIP64 格式的压缩包'],
  [/^damaged archive/, () => '压缩包已损坏'],
  [/^damaged compound file/, () => 'Office 97–2003 格式的文件结构已损坏'],
  // Workbooks.
  [/^damaged workbook: a row numbered "(.*)"$/, (m) => `工作簿已损坏：有一行的行号为“${m[1]}”`],
  [/^damaged workbook: a cell named "(.*)"$/, (m) => `工作簿已损坏：有一个单元格的名称为“${m[1]}”`],
  [/^damaged workbook: cell (\S+) points at a shared text/, (m) => `工作簿已损坏：单元格 ${m[1]} 引用的共享文本不存在`],
  [/^damaged workbook: merged ranges (\S+) and (\S+) overlap/, (m) => `工作簿已损坏：合并区域 ${m[1]} 与 ${m[2]} 重叠`],
  [/^damaged workbook: (\S+) is not well-formed XML/, (m) => `工作簿已损坏：${m[1]} 不是格式正确的 XML`],
  [/^damaged workbook: (\S+) is not UTF-8 text/, (m) => `工作簿已损坏：${m[1]} 不是 UTF-8 文本`],
  [/^damaged workbook: it has no workbook part/, () => '工作簿已损坏：缺少工作簿部分'],
  [/^damaged workbook/, () => '工作簿已损坏'],
  [/^damaged spreadsheet|^the workbook could not be read|^the \.xls reader stopped/, () => '表格文件已损坏，无法读取'],
  [/^an \.xls larger than (\d+) MB/, (m) => `.xls 文件超过 ${m[1]} MB`],
  [/^damaged CSV/, () => 'CSV 文件已损坏'],
  [/^no table header/, () => '找不到表头（编号、任务、状态等列名）'],
  [/^no worksheet/, () => '没有工作表'],
  // Word, WPS, RTF, web pages.
  [/^its XML is broken|^the document declares a DOCTYPE|^the document's XML is not/, () => 'Word 文件的 XML 已损坏'],
  [/^the archive has no (\S+)/, (m) => `文件中缺少 ${m[1]}`],
  [/^damaged Word file/, () => 'Word 文件已损坏'],
  [/^a Word 6\/95 document/, () => '是 Word 6/95 格式的旧文件，只能读取 Word 97 及以后的格式'],
  [/^a \.wps file in an old/, () => '是旧版 WPS 格式的 .wps 文件，无法读取'],
  [/^no WordDocument stream|^not a Word document|^not a Word FIB/, () => '不是 Word 文件'],
  [/^a ZIP archive that is not a \.docx/, () => '是 ZIP 压缩包，但不是 .docx'],
  [/^an MHT file with no HTML part/, () => 'MHT 文件中没有网页内容'],
  [/^the document is password-protected/, () => '文件设有密码'],
  [/^too many pieces of text/, () => '文字片段过多'],
  [/^RTF groups nested more than (\d+) deep/, (m) => `RTF 嵌套超过 ${m[1]} 层`],
  [/^XML elements nested more than (\d+) deep/, (m) => `XML 嵌套超过 ${m[1]} 层`],
  [/^an XML element with more than (\d+) attributes/, (m) => `一个 XML 元素的属性超过 ${m[1]} 个`],
  [/^more than (\d+) XML elements/, (m) => `XML 元素超过 ${m[1]} 个`],
  [/^a web page of more than (\d+) MB/, (m) => `网页超过 ${m[1]} MB`],
  [/^a web page of more than (\d+) elements/, (m) => `网页元素超过 ${m[1]} 个`],
  [/^a text file larger than (\d+) MB/, (m) => `文本文件超过 ${m[1]} MB`],
  // OFD and PDF.
  [/^damaged OFD file: (\S+) is missing/, (m) => `OFD 文件已损坏：缺少 ${m[1]}`],
  [/^damaged OFD file/, () => 'OFD 文件已损坏'],
  [/^an OFD file of more than (\d+) pages/, (m) => `OFD 文件超过 ${m[1]} 页`],
  [/^an OFD file whose pages hold more than (\d+) MB/, (m) => `OFD 文件各页的内容超过 ${m[1]} MB`],
  [/PDF/, () => 'PDF 文件结构有误'],
  [/^more than (\d+) s to read/, (m) => `读取超过 ${m[1]} 秒`],
  [/^more than (\d+) MB to read/, (m) => `读取需要超过 ${m[1]} MB 内存`],
  [/lies outside|piece table|pieces out of order|no table stream|damaged file/, () => '文件结构已损坏'],
  // The editor's refusals (src/edit).
  [/^(\S+) is empty; write \[\] or remove it/, (m) => `${m[1]} 是空的：请写成 [] 或删除这一项`],
  [/^(\S+) is not a list/, (m) => `${m[1]} 不是列表`],
  [/^the value at (\S+) is not a single value/, (m) => `${m[1]} 处不是单个值`],
  [/^(\S+) cannot be added to a pair written in a flow list/, (m) => `不能给写在方括号列表中的单个“键: 值”添加 ${m[1]}`],
  [/^(\S+) is a list of pairs/, (m) => `${m[1]} 是 YAML 1.1 的 !!omap/!!pairs 列表，请改成普通列表`],
  [/^no mapping at (\S*)/, (m) => `${m[1]} 处不是映射`],
  [/^two edits of the same place/, () => '同一处有两个修改'],
  [/does not read back/, () => '修改后的文本读回来与预期不符'],
  [/^(.*) cannot be rewritten in block style/, () => '该任务的写法无法改写为分行格式（含标签、锚点或 ? 键）'],
];

/** A reader's or the editor's reason in Chinese: its words when known, else general ones; never the English. */
export function reasonZh(reason: string): string {
  for (const [re, say] of SAYINGS) {
    const m = re.exec(reason);
    if (m) return say(m);
  }
  return '文件结构有误';
}
