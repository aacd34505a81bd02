import LockstepCore

/// The live page's script and the events it reads.
enum LivePage {
    /// One event of the stream: the page's version, its title and name, its `<main>`, its focus.
    struct Event: Encodable {
        let version: Int
        let title: String
        let main: String
        let focus: String?
    }

    /// A server-sent event: JSON holds no raw line break, so `data:` is one line.
    static func event(_ snapshot: LiveChannel.Snapshot) -> String {
        let json = OrderedJSON.encode(
            Event(version: snapshot.version, title: snapshot.title, main: snapshot.main, focus: snapshot.focus))
        return "event: page\ndata: \(json)\n\n"
    }

    /// Keeps an idle stream open through proxies, and lets the server notice a gone browser.
    static let heartbeat = ": still here\n\n"

    /// Follows the stream: swaps in each section that changed (parsed by DOMParser, which runs
    /// nothing), flashes the table cells whose text changed, and points at the focus. A constant:
    /// no value of the workbook is ever part of it, and the page's CSP allows no other script.
    static let script = """
        (() => {
          'use strict';
          const token = new URLSearchParams(location.search).get('token');
          const source = new EventSource('/events' + (token ? '?token=' + encodeURIComponent(token) : ''));
          let version = Number(document.body.dataset.version || 0);
          const cellTexts = node => node ? [...node.querySelectorAll('td')].map(cell => cell.textContent) : [];
          function apply(page) {
            const fresh = new DOMParser().parseFromString('<main>' + page.main + '</main>', 'text/html').body.firstElementChild;
            const main = document.getElementById('report');
            const before = new Map([...main.children].map(node => [node.id, node]));
            const nodes = [...fresh.children].map(node => {
              const old = before.get(node.id);
              if (old && old.innerHTML === node.innerHTML) return old;
              const texts = cellTexts(old);
              const adopted = document.importNode(node, true);
              if (old) {
                [...adopted.querySelectorAll('td')].forEach((cell, index) => {
                  if (index < texts.length && texts[index] !== cell.textContent) cell.classList.add('changed');
                });
              }
              return adopted;
            });
            main.replaceChildren(...nodes);
            document.title = page.title;
            document.body.dataset.version = String(page.version);
            point(page.focus);
          }
          function point(name) {
            document.querySelectorAll('.focused').forEach(node => node.classList.remove('focused'));
            if (!name) return;
            const hits = [...document.querySelectorAll('#report th, #report td, #report .stage-name, #report h3')]
              .filter(node => node.textContent.trim() === name);
            hits.forEach(node => node.classList.add('focused'));
            if (hits.length) hits[0].scrollIntoView({ block: 'center' });
          }
          source.addEventListener('page', event => {
            const page = JSON.parse(event.data);
            if (page.version <= version) return;
            version = page.version;
            apply(page);
          });
        })();

        """
}
