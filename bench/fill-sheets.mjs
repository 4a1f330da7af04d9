// Fills every fill-in workbook of a folder as a unit would (the bench's returned sheets): each task row a note,
// a status, a progress and a date in the week. `node bench/fill-sheets.mjs DIR DATE`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const [dir, date] = process.argv.slice(2);
const STATUS = ['进行中', '已完成', '进展中', '完成'];
for (const name of readdirSync(dir).filter((f) => f.endsWith('.xlsx'))) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, name));
  const ws = wb.worksheets[0];
  // The table starts under its header row (编号 in column A); each task row gets the unit's week.
  let row = 1;
  while (ws.getCell(`A${row}`).value !== '编号') row++;
  for (let r = row + 1, i = 0; typeof ws.getCell(`A${r}`).value === 'string' && /^\d/.test(ws.getCell(`A${r}`).value); r++, i++) {
    ws.getCell(`H${r}`).value = `本周开展检查${i + 2}次，整改隐患${i + 1}处`;
    const status = STATUS[i % STATUS.length];
    ws.getCell(`I${r}`).value = status;
    ws.getCell(`J${r}`).value = status.includes('完成') ? 100 : 40 + (i % 5) * 10;
    ws.getCell(`M${r}`).value = new Date(`${date}T00:00:00Z`);
  }
  await wb.xlsx.writeFile(join(dir, name));
}
