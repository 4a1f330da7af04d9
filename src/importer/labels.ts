// The labels documents write before who does the work and by when: 牵头单位：, 主责科室：, 配合部门：, 完成时限：.
// One list for every reader of them — the roles (roles.ts), the lines that only say who or when (outline.ts),
// the tables' trailing brackets (tasks.ts) and the PDF reader's paragraph starts (read-pdf.ts).

/** What the one who leads or helps is called: a unit, a department, an office (科室, 股室), a station. */
const BODY = '(?:单位|部门|科室|股室|站所|机构)';

/** Who leads: 牵头单位, 主责部门, 责任科室, 主体责任单位, 责任主体, or 牵头 alone (（牵头：X；配合：Y）). */
export const LEAD_LABEL = `(?:牵头|主责|主办|责任|负责|实施)${BODY}|主体责任单位|责任主体|主要负责|牵头负责|牵头`;

/** Who helps: 配合单位, 协同部门, 协办科室 …, or 配合 / 协同 / 协助 / 参与 alone. */
export const SUPPORT_LABEL = `(?:配合|协办|协同|参与|协助)${BODY}|配合|协同|协助|参与`;

/** When: 完成时限, 完成时间, 时间节点, 办结时限, 截止时间, 时限, 时间. */
export const DUE_LABEL_WORDS = '完成时限|完成时间|时间节点|办结时限|截止时间|时限|时间';

/** A line that only says who or when: 牵头单位：…, 完成时限：…, 时间：… */
export const LABEL_LINE = new RegExp(`^[（(]?(?:${LEAD_LABEL}|${SUPPORT_LABEL}|${DUE_LABEL_WORDS})\\s*[：:]`);

/** A lead label, whole. */
export const IS_LEAD_LABEL = new RegExp(`^(?:${LEAD_LABEL})$`);
