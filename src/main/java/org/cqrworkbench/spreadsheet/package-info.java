/**
 * Reading spreadsheet files people upload: CSV as spreadsheet programs write it and the first sheet of an
 * .xlsx workbook, each row with the line number the person sees. Shared by every importer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Spreadsheet files")
package org.cqrworkbench.spreadsheet;
