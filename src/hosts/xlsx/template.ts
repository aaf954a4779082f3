// Writes the blank official form (src/core/template.ts) onto an ExcelJS worksheet: values, formulas with the
// results the core computed (so a reader that does not recalculate sees what Excel would show), number formats,
// borders, merges, column widths, row heights, data validations and notes. Browser-safe: no Node import.
import ExcelJS from 'exceljs';
import { parseA1 } from '../../core';
import type { FormTemplate, TemplateStyle } from '../../core/template';

/** The font of the printed form. */
const FONT = '宋体';
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

function excelStyle(s: TemplateStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.font) style.font = { name: FONT, size: s.font.size, ...(s.font.bold ? { bold: true } : {}) };
  if (s.align) {
    style.alignment = {
      horizontal: s.align.horizontal,
      vertical: s.align.vertical,
      ...(s.align.wrap ? { wrapText: true } : {}),
      ...(s.align.indent ? { indent: s.align.indent } : {}),
    };
  }
  if (s.border) style.border = { top: thin, left: thin, bottom: thin, right: thin };
  if (s.numFmt) style.numFmt = s.numFmt;
  return style;
}

/** Write the template on a new worksheet of `wb`; throws when a sheet of that name exists. */
export function writeTemplateSheet(wb: ExcelJS.Workbook, template: FormTemplate): ExcelJS.Worksheet {
  if (wb.getWorksheet(template.sheetName)) {
    throw new Error(
      `工作簿中已有名为“${template.sheetName}”的工作表 / the workbook already has a sheet named "${template.sheetName}"`,
    );
  }
  const ws = wb.addWorksheet(template.sheetName, { views: [{ showGridLines: false }] });
  template.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const m of template.merges) ws.mergeCells(m);
  for (const c of template.cells) {
    const cell = ws.getCell(c.at);
    cell.style = excelStyle(c.style);
    if (c.formula !== undefined) {
      // "" is what the formula gives on an empty form: Excel shows an empty cell and saves an empty text result.
      cell.value = { formula: c.formula, result: c.value ?? '' } as ExcelJS.CellFormulaValue;
    } else if (c.value !== null) {
      cell.value = c.value;
    }
  }
  for (const h of template.rowHeights) ws.getRow(h.row).height = h.height;
  for (const v of template.validations) {
    const validation: ExcelJS.DataValidation = {
      type: v.type,
      allowBlank: true,
      formulae: v.formulae,
      showErrorMessage: true,
      errorStyle: v.errorStyle,
      errorTitle: v.error.title,
      error: v.error.text,
      ...(v.operator ? { operator: v.operator } : {}),
      ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.text } : {}),
    };
    // The same rule on every cell of every area (ExcelJS joins equal neighbours into one range on write).
    for (const area of v.range.split(',')) {
      const [from, to = from] = area.split(':');
      const a = parseA1(from);
      const b = parseA1(to);
      for (let r = a.row; r <= b.row; r++)
        for (let c = a.col; c <= b.col; c++) ws.getCell(r + 1, c + 1).dataValidation = validation;
    }
  }
  for (const n of template.notes) ws.getCell(n.at).note = n.text;
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: template.places.range,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  return ws;
}

/** A new workbook holding only the template. */
export function templateWorkbook(template: FormTemplate): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'selfeval';
  writeTemplateSheet(wb, template);
  return wb;
}
