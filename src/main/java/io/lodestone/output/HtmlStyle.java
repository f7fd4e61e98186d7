package io.lodestone.output;

/** The HTML report's stylesheet, inlined so the page needs nothing from the network. */
final class HtmlStyle {
    static final String CSS = """
            :root{--ink:#1f2d3d;--muted:#4f5b67;--line:#e3e7ec;--bg:#f6f8fa}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
            header.page{background:var(--ink);color:#fff;padding:18px 32px}
            header.page h1{margin:0;font-size:22px}
            header.page .meta{margin:4px 0 0;color:#c9d3de;font-size:13px}
            header.page code{color:#c9d3de}
            main{max-width:1180px;margin:0 auto;padding:20px 24px}
            .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 24px;margin:0 0 22px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
            h2{margin:0 0 4px;font-size:20px}
            h3{font-size:15px;margin:18px 0 8px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
            h3 .n,h2 .n{background:var(--line);color:var(--ink);border-radius:10px;padding:0 8px;font-size:12px}
            .summary{display:flex;gap:24px;align-items:center;flex-wrap:wrap}
            .matrix{margin-top:6px}
            .summary .what{flex:1 1 320px}
            .title{margin:2px 0;color:var(--ink)}
            .file{margin:2px 0;color:var(--muted);font-size:13px}
            .score{text-align:center;min-width:120px}
            .score-value{font-size:40px;font-weight:700;line-height:1}
            .score-label{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
            .band{display:inline-block;margin-top:4px;padding:1px 10px;border-radius:12px;font-size:12px;background:#e5e8eb}
            .band-strongly-aligned,.band-aligned{background:#d4f0dc;color:#1e6b34}
            .band-misaligned,.band-strongly-misaligned{background:#f8d7d3;color:#8e2a1f}
            .band-mixed{background:#f3ecd2;color:#6d5a12}
            svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
            svg .tick{text-anchor:middle;fill:var(--muted);font-size:11px}
            svg .marker{fill:var(--ink)}
            svg .col{text-anchor:middle;font-weight:600;font-size:11px}
            svg .row{text-anchor:end;font-size:12px}
            svg .count{text-anchor:middle;font-weight:700;font-size:14px}
            svg .count.zero{fill:#5d6875;font-weight:400}
            svg .label{text-anchor:end}
            .counts{margin:14px 0 4px;display:flex;gap:6px;flex-wrap:wrap}
            .chip{border:1px solid var(--line);border-radius:14px;padding:1px 10px;font-size:12.5px;color:var(--muted)}
            .chip b{color:var(--ink)}
            .finding{border-left:4px solid #bdc3c7;padding:8px 14px;margin:8px 0;background:#fbfcfd;border-radius:0 6px 6px 0}
            .finding.sev-critical{border-color:#8e1b10}.finding.sev-high{border-color:#c0392b}
            .finding.sev-medium{border-color:#e67e22}.finding.sev-low{border-color:#3b8ed0}.finding.sev-info{border-color:#95a5a6}
            .finding .head{font-size:13px}
            .badge{display:inline-block;min-width:58px;text-align:center;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;color:#fff;background:#5d6b6e}
            .badge.sev-critical{background:#8e1b10}.badge.sev-high{background:#c0392b}.badge.sev-medium{background:#a8540a}.badge.sev-low{background:#2467a6}
            .finding.weight-pos{border-color:#1e7b45}.finding.weight-neg{border-color:#c0392b}
            .badge.weight-pos{background:#1e7b45}.badge.weight-neg{background:#c0392b}
            .rule{font-size:12.5px;color:var(--muted)}
            .message{margin:4px 0;white-space:pre-line}
            .evidence{margin:6px 0;padding:4px 12px;border-left:3px solid var(--line);color:#44505c;font-style:italic}
            .evidence cite{display:block;font-style:normal;font-size:12px;color:var(--muted)}
            .trace{margin:6px 0;font-size:12px}.trace summary{cursor:pointer;color:var(--muted)}
            .trace ul{margin:2px 0 2px 18px;padding:0}.trace .where,.trace .field{color:var(--muted)}
            .facts{margin:4px 0 0;font-size:12.5px;color:var(--muted)}
            code.fact{background:#eef1f4;border-radius:4px;padding:0 5px}
            table.compare{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:14px}
            table.compare th,table.compare td{border-bottom:1px solid var(--line);padding:5px 10px;text-align:left}
            table.compare td.num{text-align:right;font-variant-numeric:tabular-nums}
            .bottom-line{margin:10px 0 14px;padding:10px 14px;background:#eef4fb;border-left:4px solid #2467a6;border-radius:0 6px 6px 0}
            .bottom-line p{margin:0}
            .scale{margin:2px 0 0;font-size:12.5px;color:var(--muted);max-width:440px}
            .rule-desc{font-size:13px;color:var(--muted)}
            .evidence-list{margin:6px 0 0;padding-left:18px;font-size:13.5px}
            .evidence-list li{margin:3px 0}
            .evidence-list q{font-style:italic;color:#44505c}
            .context-list{margin:6px 0;padding-left:18px}
            .context-list li{margin:4px 0}
            .context-list blockquote{margin:4px 0;padding:2px 10px;border-left:3px solid var(--line);font-style:italic;color:#44505c}
            a.src{color:#2467a6}
            ol.sources{font-size:13.5px;padding-left:26px}
            ol.sources li{margin:3px 0}
            ol.sources a{color:#2467a6;word-break:break-all}
            .errors li,.load-errors li{margin:4px 0}
            .errors code,.load-errors code{white-space:pre-wrap;color:#8e2a1f}
            """;

    private HtmlStyle() {}
}
