// Round trips (context.sync), the same for any number of sheets or cells below the payload limit:
//   read()      2  sheet names and record parts; every used range (values, number formats) and merged areas at
//                  once. 3 when a record part is in the workbook (a read with no restore before it, or cells a
//                  restore left on protected sheets): its XML names the sheets the add-in added, not read.
//   hasMarks()  1  record parts and sheet names (0 when the document setting holds a record)
//   restore()   4  record parts, sheets, comments; record XML, comment places and the used range of the CLI's
//                  record sheet (selfeval_restore, a file scored by the command line: see cli-record.ts); the
//                  touched cells of both records as they are now; all the writes
//   apply()     3  survey; the originals of the cells to touch; the record, the tables, every edit and its
//                  note or comment at once. Marks from before are cleared by the app flow (restore, then read),
//                  not by apply().
//   select()    1
// Only a read or write estimated above the payload limit (Excel on the web: 5 MB a request; we keep 4 MB) is
// cut into several syncs (batching.ts). More syncs also only where Excel fails or may have failed
// (excel-behaviours.md): custom XML parts refused (F10, one more), a read refused for its size or over five
// million cells (F7, F11: in blocks, split again), merged areas refused or answered with a null object on a sheet
// of more than 1,024 cells (F4: asked again in blocks that cannot hold 512 areas), a failed apply (F8: the record
// mended so that it names no sheet that was not created; a rolled-back comment batch applied again without its
// comments).

/** Round trips of each operation (see above); the tests hold the host to them. The CLI's record costs none
 *  more: restore reads its sheet in the sync that reads the add-in's record XML. */
export const SYNCS = {
  read: 2,
  hasMarks: 1,
  restore: 4,
  apply: 3,
  select: 1,
} as const;
