package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class StreamedXlsxTest {

    @Test
    void rowsWrittenLaterSitInTheSheetWithTheSheetsOwnSettings() throws IOException {
        StreamedXlsx workbook = new StreamedXlsx();
        CellStyle wrapped = workbook.workbook().createCellStyle();
        wrapped.setWrapText(true);
        XSSFSheet sheet = workbook.createSheet("Counts", rows -> {
            rows.row(0).text(0, "Case", wrapped).text(2, "Cores", wrapped);
            rows.row(3, 45).number(2, 42, wrapped);
        });
        sheet.setColumnWidth(0, 20 * 256);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet counts = read.getSheet("Counts");
            assertThat(counts.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Case");
            assertThat(counts.getRow(0).getCell(1)).isNull();
            assertThat(counts.getRow(0).getCell(2).getCellStyle().getWrapText()).isTrue();
            assertThat((Object) counts.getRow(1)).isNull();
            assertThat(counts.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(42.0);
            assertThat(counts.getRow(3).getHeightInPoints()).isEqualTo(45f);
            assertThat(counts.getColumnWidth(0)).isEqualTo(20 * 256);
        }
    }

    @Test
    void styleMadeAfterTheStylesWereWrittenIsRefused() {
        StreamedXlsx workbook = new StreamedXlsx();
        workbook.createSheet("Late", rows -> rows.row(0).text(0, "x", workbook.workbook().createCellStyle()));
        assertThatThrownBy(() -> workbook.write(new ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rowsAndCellsOutOfOrderAreRefused() {
        StreamedXlsx rowsBackwards = new StreamedXlsx();
        rowsBackwards.createSheet("Rows", rows -> rows.row(2).row(1));
        assertThatThrownBy(() -> rowsBackwards.write(new ByteArrayOutputStream())).isInstanceOf(IllegalArgumentException.class);

        StreamedXlsx cellsBackwards = new StreamedXlsx();
        CellStyle style = cellsBackwards.workbook().createCellStyle();
        cellsBackwards.createSheet("Cells", rows -> rows.row(0).text(1, "b", style).text(0, "a", style));
        assertThatThrownBy(() -> cellsBackwards.write(new ByteArrayOutputStream())).isInstanceOf(IllegalArgumentException.class);
    }
}
