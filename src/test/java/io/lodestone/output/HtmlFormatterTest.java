package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.api.Category;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page's structure and escaping, without a browser (HtmlBrowserIT renders it). */
class HtmlFormatterTest {
    @Test
    void untrustedTextIsEscapedEverywhere() {
        String html = SampleRuns.render("html", SampleRuns.small());
        assertFalse(html.contains("<script"), "no script element, least of all one from a fact set");
        assertFalse(html.contains("<b>so</b>"), "markup in an evidence quote is text");
        assertTrue(html.contains("Figure &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        assertTrue(html.contains("set-&lt;1&gt;"));
        assertTrue(html.contains("A &quot;title&quot;"));
        assertTrue(html.contains("they said &quot;&lt;b&gt;so&lt;/b&gt;&quot;"));
    }

    @Test
    void pageIsSelfContained() {
        String html = SampleRuns.render("html", SampleRuns.seed());
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
        for (String fetch : new String[] {"src=", "url(", "@import", "<link"}) {
            assertFalse(html.contains(fetch), "nothing loaded from elsewhere: " + fetch);
        }
        // the Sources list links out; a link is followed only when clicked, never loaded with the page
        assertFalse(Pattern.compile("<(?!a )[^>]*href=\"http").matcher(html).find(), "only <a> elements link out");
    }

    @Test
    void matrixCellsCountFindingsBySeverityAndCategory() {
        RunReport run = SampleRuns.seed();
        Report report = run.reports().get(0);
        String html = SampleRuns.render("html", run);
        Matcher m = Pattern.compile("data-severity=\"(\\w+)\" data-category=\"(\\w+)\" data-count=\"(\\d+)\"")
                .matcher(html);
        int cells = 0;
        int total = 0;
        while (m.find()) {
            Severity s = Severity.parse(m.group(1));
            Category c = Category.parse(m.group(2));
            long expected = report.findings().stream()
                    .filter(f -> f.getSeverity() == s && f.getCategory() == c)
                    .count();
            assertEquals(expected, Long.parseLong(m.group(3)), s + "/" + c);
            cells++;
            total += Integer.parseInt(m.group(3));
        }
        assertEquals(Severity.values().length * Category.values().length, cells);
        assertEquals(report.findings().size(), total);
        assertEquals(report.findings().size(), count(html, "<article class=\"finding "));
        assertFalse(html.contains("class=\"comparison"), "one fact set has no comparison");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
