import { defineRule } from '../types.js';
import type { Plan, Unit } from '../../model/types.js';
import { contactUnit } from '../../model/units.js';

/**
 * An external unit leading a task: a township plan cannot set the county's office (or any body outside it) work
 * to lead, and its tables never chase such a unit for progress (`sheets`, the weekly returns skip external
 * units), so the task would go unreported. What marks a unit external, most reliable first:
 * - `external: true` (docs/format.md: a unit outside the plan that receives reports and runs no tasks) — unless
 *   its name says it is the organizer's own (below), which `import` marks external by its 县 alone;
 * - its name, when it names a body above the organizer: in a township's plan (乡, 镇, 街道) one whose name starts
 *   with 县, 区, 市, 州 or 省 (县安委会办公室, 县消防救援大队); in a county's plan, one starting with 市, 州 or 省.
 * The organizer's own, whatever the flag says: in a township's plan a unit stationed there (its name carries the
 * township's, 县公安局青石派出所, or ends as such a unit's does: 所, 站, 中队, 分局, 卫生院, 学校 …); in a
 * county's plan a 县 (区, 旗) body, or one that carries the county's name.
 * `self: false` is every unit's default and marks nothing; the plan's own office (`self: true`, the contact's
 * unit) is never external. An external unit that only supports a task is fine.
 */
const ABOVE_TOWNSHIP = /^(?:县(?!城)|区(?!域)|市(?!场|政|容|民|区)|州|省)/;
const ABOVE_COUNTY = /^(?:市(?!场|政|容|民|区)|州|省)/;
const STATIONED = /(?:所|站|中队|分局|支行|营业厅|营业部|法庭|卫生院|学校|小学|中学|幼儿园|分公司|供电所|服务部)$/;

/** The organizer's level, from its name: a township's, a county's, or unknown (a village, a department without a place). */
function levelOf(organizer: string): 'township' | 'county' | undefined {
  // 红旗村, 红旗村村民委员会, 红旗社区居民委员会, 红旗村党支部: a village's, though its name may carry its township's.
  if (/(?:村|社区|居委会)(?:[村居]?民委员会|委员会|党支部|党委)?$/.test(organizer)) return undefined;
  if (/乡|镇|街道|办事处|苏木/.test(organizer)) return 'township';
  if (/县|区|旗/.test(organizer)) return 'county';
  return undefined;
}

/** The place name of a township organizer (青石 of 青石镇人民政府), which its stationed units' names carry. */
const placeOf = (organizer: string): string => organizer.replace(/(?:乡|镇|街道|苏木).*$/, '').replace(/^.*[县区市]/, '');

/** The place name of a county organizer (龙泉 of 龙泉县应急管理局). */
const countyOf = (organizer: string): string => organizer.replace(/(?:县|区|旗).*$/, '').replace(/^.*[省市州]/, '');

/** Whether a unit's name says it is the organizer's own: stationed in its township, or a body of its county. */
function ownBody(level: 'township' | 'county', organizer: string, name: string): boolean {
  const place = level === 'township' ? placeOf(organizer) : countyOf(organizer);
  if (place.length >= 2 && name.includes(place)) return true;
  return level === 'township' ? STATIONED.test(name) : /^(?:县|区|旗)/.test(name);
}

/** How a unit is outside the plan: marked so, or named as a body above the organizer; undefined when it is not. */
function outside(plan: Plan, unit: Unit): 'external' | 'higher' | undefined {
  const level = levelOf(plan.organizer ?? '');
  if (level && ownBody(level, plan.organizer!, unit.name)) return undefined;
  if (unit.external) return 'external';
  return level && (level === 'township' ? ABOVE_TOWNSHIP : ABOVE_COUNTY).test(unit.name) ? 'higher' : undefined;
}

const rule = defineRule({
  id: 'ref/external-lead',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'An external unit (the county office, a body above the organizer) leads a task', zh: '外单位（如县安委办等上级机关）被列为任务的牵头单位' },
  messages: {
    external: { task: '2.1', unit: 'county-office', name: '县安委会办公室' },
    higher: { task: '2.1', unit: 'county-office', name: '县安委会办公室', organizer: '铜钟乡' },
  },
  check(plan, ctx) {
    const own = contactUnit(plan);
    const judged = new Map<string, 'external' | 'higher' | undefined>();
    const judge = (id: string) => {
      if (judged.has(id)) return judged.get(id);
      const unit = plan.units.find((u) => u.id === id);
      const verdict = !unit || unit.self || unit === own ? undefined : outside(plan, unit);
      judged.set(id, verdict);
      return verdict;
    };
    for (const t of plan.allTasks) {
      t.lead.forEach((id, i) => {
        const verdict = judge(id);
        if (!verdict) return;
        const name = plan.units.find((u) => u.id === id)!.name;
        const path = [...t.path, 'lead', i];
        if (verdict === 'external') ctx.report({ path, messageId: 'external', data: { task: t.id, unit: id, name } });
        else ctx.report({ path, messageId: 'higher', data: { task: t.id, unit: id, name, organizer: plan.organizer! } });
      });
    }
  },
});
export default rule;
