/// The report's Mustache templates and stylesheet. Every value is written with `{{…}}` (escaped);
/// the triple mustaches insert the stylesheet below, a constant of this file, and table rows
/// the `rows` template rendered.
enum ReportTemplates {
    static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Lockstep">
        <link rel="icon" href="data:,">
        <title>{{title}}</title>
        <style>{{{stylesheet}}}</style>
        {{#liveScript}}<script src="{{.}}" defer></script>
        {{/liveScript}}</head>
        <body>
        <header class="cover">
        <p class="subject">{{subject}}</p>
        <h1>{{name}}</h1>
        <p class="date">Prepared on {{date}}</p>
        </header>
        <nav aria-label="Contents"><ol>
        <li><a href="#summary">Summary</a></li>
        {{#body}}<li><a href="#{{anchor}}">{{title}}</a></li>
        {{/body}}<li><a href="#recommendations">Recommendations</a></li>
        <li><a href="#appendix">Appendix</a></li>
        {{#technical}}<li><a href="#technical">Technical appendix</a></li>
        {{/technical}}</ol></nav>
        <main id="report">
        {{> main}}
        </main>
        </body>
        </html>

        """

    /// What `<main>` holds: the part of the page the live view replaces as the session changes.
    static let main = """
        <section id="summary">
        <h2>Summary</h2>
        <p class="overview">{{overview}}</p>
        {{#hasKeyPoints}}<ol class="key-points">
        {{#keyPoints}}<li class="{{level}}"><span class="urgency">{{urgency}}</span> {{sentence}}</li>
        {{/keyPoints}}</ol>{{/hasKeyPoints}}
        {{#acceptedNote}}<p>{{.}}</p>{{/acceptedNote}}
        </section>
        {{#body}}{{> section}}{{/body}}
        <section id="recommendations">
        <h2>Recommendations</h2>
        {{#noActions}}<p>None: every check passed.</p>{{/noActions}}
        {{#actions}}<article class="action {{level}}" id="{{anchor}}">
        <h3><span class="number">{{number}}.</span> {{action}}</h3>
        <p><span class="urgency">{{urgency}}</span> {{problem}}{{#figures}} {{.}}{{/figures}}</p>
        {{#stake}}<p class="why"><strong>Why it matters.</strong> {{.}}</p>{{/stake}}
        </article>
        {{/actions}}</section>
        <section id="appendix" class="appendix">
        <h2>Appendix</h2>
        {{#appendix}}{{> subsection}}{{/appendix}}
        </section>
        {{#technical}}<section id="technical" class="technical">
        <h2>Technical appendix</h2>
        <p>From <code>{{source}}</code>, checked with Lockstep {{toolVersion}}.</p>
        {{#sections}}{{> subsection}}{{/sections}}
        </section>{{/technical}}

        """

    static let section = """
        <section id="{{anchor}}">
        <h2>{{title}}</h2>
        {{#blocks}}{{> block}}{{/blocks}}
        </section>

        """

    static let subsection = """
        <section id="{{anchor}}">
        <h3>{{title}}</h3>
        {{#blocks}}{{> block}}{{/blocks}}
        </section>

        """

    /// A table's rows, rendered in parts; the one other triple mustache (`{{{html}}}` in `block`)
    /// inserts what this template rendered, never a value.
    static let rows = """
        {{#rows}}<tr>{{#cells}}<td class="{{style}}">{{text}}</td>{{/cells}}</tr>
        {{/rows}}
        """

    static let block = """
        {{#paragraph}}<p>{{.}}</p>
        {{/paragraph}}{{#heading}}<h4>{{.}}</h4>
        {{/heading}}{{#table}}<div class="table-wrap"><table>
        <thead><tr>{{#headers}}<th scope="col"{{#numeric}} class="num"{{/numeric}}>{{title}}</th>{{/headers}}</tr></thead>
        <tbody>
        {{#rendered}}{{{html}}}{{/rendered}}</tbody></table></div>
        {{/table}}{{#heatMap}}<figure class="heat">
        <figcaption>{{title}}</figcaption>
        <div class="table-wrap"><table class="heat">
        <thead><tr><th scope="col">{{rowTitle}}</th>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}{{#group}}<tr class="group"><th colspan="{{span}}" scope="rowgroup">{{.}}</th></tr>
        {{/group}}<tr><th scope="row">{{label}}</th>{{#cells}}<td class="{{level}}">{{text}}</td>{{/cells}}</tr>
        {{/rows}}</tbody></table></div>
        <p class="legend">Number of {{unit}} in each cell: {{#zeroIsGap}}<span class="gap">0</span> a gap,{{/zeroIsGap}}{{^zeroIsGap}}<span class="none">0</span> none,{{/zeroIsGap}}
        <span class="c1">1</span> <span class="c2">2</span> <span class="c3">3</span> <span class="c4">4+</span>,
        <span class="na">n/a</span> the role takes no part there, <span class="accepted">accepted</span> a gap accepted on purpose.</p>
        </figure>
        {{/heatMap}}{{#stageMap}}<div class="stage-map">
        {{#lanes}}<div class="lane">
        <h4>{{name}}{{#kind}} <span class="kind">({{.}})</span>{{/kind}}</h4>
        {{#enteredFrom}}<p class="entered">Leads enter from {{.}}</p>{{/enteredFrom}}
        <ol class="stages">{{#stages}}<li><span class="stage-name">{{name}}</span>{{#phase}}<span class="phase">{{.}}</span>{{/phase}}{{#probability}}<span class="probability">{{.}}</span>{{/probability}}{{#owner}}<span class="owner">{{.}}</span>{{/owner}}</li>{{/stages}}</ol>
        </div>
        {{/lanes}}</div>
        {{/stageMap}}{{#chart}}<figure class="chart">
        <figcaption>{{title}}</figcaption>
        <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{{title}}" viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}">
        {{#bars}}<text x="{{labelX}}" y="{{textY}}" text-anchor="end">{{label}}</text><rect x="{{barX}}" y="{{y}}" width="{{width}}" height="20" rx="2"></rect><text x="{{valueX}}" y="{{textY}}">{{shown}}</text>
        {{/bars}}</svg>
        </figure>
        {{/chart}}{{#facts}}<dl class="facts">{{#items}}<dt>{{term}}</dt><dd>{{detail}}</dd>{{/items}}</dl>
        {{/facts}}{{#bullets}}<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>
        {{/bullets}}
        """

    /// Colours from ColorBrewer's Blues for counts (dark text on light cells, white on dark, both
    /// above 4.5:1), orange and bold for a gap, grey for n/a, hatching for accepted: no cell's
    /// meaning rests on colour alone, each says its number or what it is.
    static let stylesheet = """
        :root { --ink: #1d2330; --muted: #5b6475; --rule: #d5dae3; --accent: #1f4e8c; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; }
        header.cover { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
        .subject { color: var(--accent); font-weight: 600; letter-spacing: .04em; text-transform: uppercase; margin: 0; font-size: .85rem; }
        h1 { font-size: 2rem; margin: .2rem 0 .4rem; }
        .date { color: var(--muted); margin-top: 0; }
        nav ol { columns: 2; padding-left: 1.2rem; color: var(--muted); }
        nav a { color: var(--accent); text-decoration: none; }
        h2 { font-size: 1.4rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2.2rem; }
        h3 { font-size: 1.1rem; margin-top: 1.6rem; }
        h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
        .overview { font-size: 1.05rem; }
        ol.key-points li { margin: .4rem 0; }
        .urgency { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; padding: .05rem .4rem; border-radius: 3px; background: #e8ecf3; color: var(--ink); }
        .error .urgency { background: #b2182b; color: #fff; }
        .warning .urgency { background: #f4a582; color: #3b1a06; }
        article.action { border-left: 4px solid var(--rule); padding: .1rem 0 .1rem 1rem; margin: 1rem 0; break-inside: avoid; }
        article.action.error { border-color: #b2182b; }
        article.action.warning { border-color: #f4a582; }
        article.action h3 { margin: .2rem 0; }
        .number { color: var(--muted); }
        .why { color: var(--muted); }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .88rem; }
        th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        thead th { background: #f3f5f9; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.code { font: .85em ui-monospace, "DejaVu Sans Mono", monospace; }
        table.heat td { text-align: center; min-width: 3.2rem; font-variant-numeric: tabular-nums; }
        table.heat tr.group th { background: #fff; border-left: 0; border-right: 0; padding-top: .8rem; font-size: .8rem; text-transform: uppercase; color: var(--muted); }
        .gap { background: #fee0b6; color: #7f3b08; font-weight: 700; outline: 2px solid #e08214; outline-offset: -3px; }
        .none { background: #fff; color: #6b6b6b; }
        .c1 { background: #deebf7; color: #08306b; }
        .c2 { background: #9ecae1; color: #08306b; }
        .c3 { background: #2171b5; color: #fff; }
        .c4 { background: #08306b; color: #fff; }
        .na { background: #f4f4f4; color: #6b6b6b; font-style: italic; }
        .accepted { background: repeating-linear-gradient(45deg, #eef0f4, #eef0f4 4px, #dfe3ea 4px, #dfe3ea 8px); color: #39404d; font-style: italic; }
        .legend { font-size: .8rem; color: var(--muted); }
        .legend span { display: inline-block; padding: 0 .4rem; border-radius: 2px; }
        figure { margin: 1rem 0; }
        figcaption { font-weight: 600; margin-bottom: .3rem; }
        .stage-map .lane { margin: .8rem 0 1.2rem; }
        .stage-map h4 { margin-bottom: .2rem; }
        .kind, .entered { color: var(--muted); font-weight: normal; }
        .entered { margin: 0 0 .4rem; font-size: .85rem; }
        ol.stages { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; margin: 0; counter-reset: stage; }
        ol.stages li { flex: 1 1 8rem; max-width: 13rem; background: #f3f5f9; border-top: 4px solid var(--accent); padding: .4rem .6rem; display: flex; flex-direction: column; }
        .stage-name { font-weight: 600; }
        .phase, .owner { font-size: .8rem; color: var(--muted); }
        .probability { font-size: .85rem; font-weight: 600; color: var(--accent); }
        figure.chart svg { max-width: 100%; height: auto; font: 13px "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
        figure.chart rect { fill: #2171b5; }
        figure.chart text { fill: var(--ink); }
        dl.facts { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .3rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        code { font: .85em ui-monospace, "DejaVu Sans Mono", monospace; background: #f3f5f9; padding: 0 .2rem; }
        .technical { color: #333; }
        .changed { animation: changed 2s ease-out; }
        @keyframes changed { from { box-shadow: inset 0 0 0 3px #ffbf00; } to { box-shadow: inset 0 0 0 3px transparent; } }
        .focused { outline: 3px solid #ffbf00; outline-offset: 1px; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { font-size: 10pt; max-width: none; padding: 0; }
          nav { display: none; }
          h2 { break-after: avoid; }
          h3, h4, figcaption { break-after: avoid; }
          .table-wrap { overflow: visible; }
          table { font-size: 8pt; width: 100%; }
          thead { display: table-header-group; }
          tr, ol.stages li, figure.chart { break-inside: avoid; }
          #appendix, #technical { break-before: page; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
