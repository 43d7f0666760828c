package hk.smartid.portal.catalogue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenDataTest {

    @Test
    void fieldsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        String csv = new CsvTable()
                .row(List.of("plain", "a, b", "say \"hi\"", "two\nlines", "cr\rhere", " padded", "中文，全形逗號"))
                .toString();

        assertThat(csv).isEqualTo("plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\" padded\","
                + "中文，全形逗號\r\n");
    }

    @Test
    void aCellThatASpreadsheetWouldReadAsAFormulaStartsWithAQuote() {
        String csv = new CsvTable()
                .row(List.of("=HYPERLINK(\"http://evil.example\",\"Click\")", "+1", "-2+3", "@SUM(A1)", "\tcmd",
                        "\rcmd", "a=b", "1-2", "no formula"))
                .toString();

        // OWASP's advice on CSV injection: a leading quote makes spreadsheets show the text, never evaluate it
        assertThat(csv).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",'+1,'-2+3,'@SUM(A1),"
                + "'\tcmd,\"'\rcmd\",a=b,1-2,no formula\r\n");
    }

    @Test
    void everyServiceHasOneRowPerLanguage() {
        ServiceCatalogue catalogue = ProjectCatalogue.parsed();

        String csv = OpenData.csv(catalogue, "https://portal.example/services/service?id=");

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", OpenData.CSV_COLUMNS));
        // no text of the catalogue has a line break, so each record is one line
        assertThat(lines).hasSize(1 + 53 * 3);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("driving-licence-renewal,zh-HK,續期正式駕駛執照,transport,")
                .endsWith(",https://portal.example/services/service?id=driving-licence-renewal"));
    }
}
