package io.lodestone.output;

import static io.lodestone.output.HtmlFormatter.esc;

import io.lodestone.api.AlignmentBand;
import io.lodestone.api.Category;
import io.lodestone.api.Report;
import io.lodestone.api.Severity;
import java.util.List;
import java.util.Locale;

/** The inline SVG charts of the HTML report: score bar, risk matrix, score comparison. */
final class HtmlCharts {
    /** The band edges, drawn as coloured segments of the score bar (one colour per scored band). */
    private static final double[] EDGES = AlignmentBand.edges();

    private static final String[] BAND_COLORS = {"#c0392b", "#e67e22", "#bdc3c7", "#7fbf7f", "#1e7b45"};

    private HtmlCharts() {}

    /** The scale's ends, the band edges and zero, ascending. */
    private static double[] ticks(double range) {
        double[] ticks = new double[EDGES.length + 3];
        ticks[0] = -range;
        System.arraycopy(EDGES, 0, ticks, 1, EDGES.length);
        ticks[EDGES.length + 1] = 0;
        ticks[EDGES.length + 2] = range;
        java.util.Arrays.sort(ticks);
        return ticks;
    }

    /** A horizontal scale from -range to +range with the band segments and a marker at the score. */
    static String scoreBar(Report r) {
        double score = r.alignment().score();
        double range = Math.max(10, Math.ceil(Math.abs(score)));
        int w = 420;
        int h = 54;
        int pad = 10;
        double unit = (w - 2.0 * pad) / (2 * range);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"score-bar\" role=\"img\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\"><title>alignment ")
                .append(esc(num(score)))
                .append(" (")
                .append(esc(r.alignment().band()))
                .append(")</title>");
        double from = -range;
        for (int i = 0; i <= EDGES.length; i++) {
            double to = i < EDGES.length ? EDGES[i] : range;
            sb.append(rect(pad + (from + range) * unit, 14, (to - from) * unit, 14, BAND_COLORS[i], ""));
            from = to;
        }
        for (double tick : ticks(range)) {
            double x = pad + (tick + range) * unit;
            sb.append("<text x=\"")
                    .append(num(x))
                    .append("\" y=\"46\" class=\"tick\">")
                    .append(num(tick))
                    .append("</text>");
        }
        if (!AlignmentBand.NOT_ASSESSED.label().equals(r.alignment().band())) {
            double x = pad + (score + range) * unit;
            sb.append("<path class=\"marker\" d=\"M")
                    .append(num(x - 6))
                    .append(" 4 L")
                    .append(num(x + 6))
                    .append(" 4 L")
                    .append(num(x))
                    .append(" 14 Z\"/>")
                    .append(rect(x - 1.5, 12, 3, 18, "#1f2d3d", ""));
        }
        return sb.append("</svg>").toString();
    }

    /** Severity rows by category columns, shaded by count, each cell labelled with its count. */
    @SuppressWarnings("EnumOrdinal") // the matrix columns are the categories in declaration order
    static String riskMatrix(Report r) {
        List<Severity> rows = Severity.mostSevereFirst();
        int cw = 120;
        int ch = 34;
        int left = 80;
        int top = 26;
        int max = 1;
        int[][] counts = new int[rows.size()][Category.values().length];
        for (int i = 0; i < rows.size(); i++) {
            for (Category c : Category.values()) {
                Severity s = rows.get(i);
                counts[i][c.ordinal()] = (int) r.findings().stream()
                        .filter(f -> f.getSeverity() == s && f.getCategory() == c)
                        .count();
                max = Math.max(max, counts[i][c.ordinal()]);
            }
        }
        int w = left + cw * Category.values().length;
        int h = top + ch * rows.size();
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"risk-matrix\" role=\"img\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\"><title>findings by severity and category</title>");
        for (Category c : Category.values()) {
            sb.append("<text class=\"col\" x=\"")
                    .append(left + cw * c.ordinal() + cw / 2)
                    .append("\" y=\"17\">")
                    .append(c.name())
                    .append("</text>");
        }
        for (int i = 0; i < rows.size(); i++) {
            int y = top + ch * i;
            sb.append("<text class=\"row\" x=\"")
                    .append(left - 8)
                    .append("\" y=\"")
                    .append(y + ch / 2 + 5)
                    .append("\">")
                    .append(rows.get(i).label())
                    .append("</text>");
            for (Category c : Category.values()) {
                int n = counts[i][c.ordinal()];
                int x = left + cw * c.ordinal();
                String fill = n == 0 ? "#f4f6f8" : heat(rows.get(i), (double) n / max);
                sb.append("<g class=\"cell\" data-severity=\"")
                        .append(rows.get(i).label())
                        .append("\" data-category=\"")
                        .append(c.name())
                        .append("\" data-count=\"")
                        .append(n)
                        .append("\">")
                        .append(rect(x + 1, y + 1, cw - 2, ch - 2, fill, ""))
                        .append("<text x=\"")
                        .append(x + cw / 2)
                        .append("\" y=\"")
                        .append(y + ch / 2 + 5)
                        .append("\" class=\"count")
                        .append(n == 0 ? " zero" : "")
                        .append("\">")
                        .append(n)
                        .append("</text></g>");
            }
        }
        return sb.append("</svg>").toString();
    }

    /** One bar per fact set from a zero axis, green right of it, red left. */
    static String comparison(List<Report> reports) {
        double range = reports.stream()
                .mapToDouble(r -> Math.abs(r.alignment().score()))
                .max()
                .orElse(0);
        range = Math.max(2, Math.ceil(range * 1.15));
        int label = 220;
        int w = 720;
        int bh = 26;
        int h = 20 + bh * reports.size();
        double mid = label + (w - label) / 2.0;
        double unit = (w - label - 60) / (2 * range);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"score-chart\" role=\"img\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\"><title>alignment score by fact set</title>");
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            double s = r.alignment().score();
            int y = 10 + bh * i;
            double x = s >= 0 ? mid : mid + s * unit;
            sb.append("<g class=\"bar\" data-fact-set=\"")
                    .append(esc(r.id()))
                    .append("\" data-score=\"")
                    .append(esc(num(s)))
                    .append("\">")
                    .append("<text class=\"label\" x=\"")
                    .append(label - 8)
                    .append("\" y=\"")
                    .append(y + 17)
                    .append("\">")
                    .append(esc(shorten(r.id(), 30)))
                    .append("</text>")
                    .append(rect(x, y + 3, Math.max(1, Math.abs(s) * unit), bh - 6, s >= 0 ? "#1e7b45" : "#c0392b", ""))
                    .append("<text class=\"value\" x=\"")
                    .append(num(s >= 0 ? x + Math.abs(s) * unit + 4 : x - 4))
                    .append("\" y=\"")
                    .append(y + 17)
                    .append("\" text-anchor=\"")
                    .append(s >= 0 ? "start" : "end")
                    .append("\">")
                    .append(esc(Numbers.signed(s)))
                    .append("</text></g>");
        }
        sb.append("<line x1=\"")
                .append(num(mid))
                .append("\" y1=\"4\" x2=\"")
                .append(num(mid))
                .append("\" y2=\"")
                .append(h - 4)
                .append("\" stroke=\"#1f2d3d\"/>");
        return sb.append("</svg>").toString();
    }

    private static String heat(Severity s, double share) {
        int hue =
                switch (s) {
                    case CRITICAL -> 0;
                    case HIGH -> 14;
                    case MEDIUM -> 36;
                    case LOW -> 200;
                    case INFO -> 210;
                };
        // light enough at any count for the dark count text to keep 4.5:1 (WCAG AA)
        int light = (int) Math.round(90 - 20 * share);
        return "hsl(" + hue + ",75%," + light + "%)";
    }

    private static String rect(double x, double y, double w, double h, String fill, String cls) {
        return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + "\" rx=\"3\" fill=\"" + fill + "\"" + (cls.isEmpty() ? "" : " class=\"" + cls + "\"") + "/>";
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
