/*
 * The portal's chat widget (WEB-INF/includes/chat.xhtml). Questions go to POST /api/chat as JSON with the
 * header the API requires of the portal's own pages; answers are written with textContent only, and a link
 * is only ever a path on the portal itself.
 */
(function () {
    'use strict';
    var root = document.getElementById('chat');
    if (!root || !window.fetch) {
        return;
    }
    var toggle = document.getElementById('chat-toggle');
    var panel = document.getElementById('chat-panel');
    var log = root.querySelector('.chat__log');
    var form = root.querySelector('.chat__form');
    var input = document.getElementById('chat-message');
    var send = form.querySelector('button[type=submit]');

    function show(open) {
        panel.hidden = !open;
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        toggle.textContent = open ? root.dataset.closeLabel : root.dataset.openLabel;
        (open ? input : toggle).focus();
    }

    toggle.addEventListener('click', function () {
        show(panel.hidden);
    });
    panel.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
            show(false);
        }
    });

    function samePortalPath(url) {
        return typeof url === 'string' && url.charAt(0) === '/' && url.charAt(1) !== '/' && url.charAt(1) !== '\\';
    }

    function add(who, text, lang, links) {
        var item = document.createElement('div');
        item.className = 'chat__message chat__message--' + who;
        var speaker = document.createElement('span');
        speaker.className = 'chat__speaker';
        speaker.textContent = who === 'you' ? root.dataset.you : root.dataset.bot;
        item.appendChild(speaker);
        var body = document.createElement('p');
        body.className = 'chat__text';
        body.textContent = text;
        if (lang) {
            body.lang = lang;
        }
        item.appendChild(body);
        var safe = (links || []).filter(function (link) { return link && samePortalPath(link.url); });
        if (safe.length) {
            var list = document.createElement('ul');
            list.className = 'chat__links';
            list.setAttribute('aria-label', root.dataset.links);
            safe.forEach(function (link) {
                var entry = document.createElement('li');
                var anchor = document.createElement('a');
                anchor.href = root.dataset.endpoint.replace(/\/api\/chat$/, '') + link.url;
                anchor.textContent = String(link.title);
                if (lang) {
                    anchor.lang = lang;
                }
                entry.appendChild(anchor);
                list.appendChild(entry);
            });
            item.appendChild(list);
        }
        log.appendChild(item);
        log.scrollTop = log.scrollHeight;
        return item;
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        var message = input.value;
        if (!message.trim()) {
            input.focus();
            return;
        }
        add('you', message, null, []);
        input.value = '';
        send.disabled = true;
        log.setAttribute('aria-busy', 'true');
        fetch(root.dataset.endpoint, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-SmartID-Chat': '1', 'Accept': 'application/json'},
            body: JSON.stringify({message: message})
        }).then(function (response) {
            if (response.status === 503) {
                return {answer: root.dataset.starting};
            }
            if (!response.ok) {
                throw new Error(String(response.status));
            }
            return response.json();
        }).then(function (answer) {
            add('bot', String(answer.answer), answer.lang, answer.links);
        }).catch(function () {
            add('bot', root.dataset.error, null, []);
        }).then(function () {
            send.disabled = false;
            log.removeAttribute('aria-busy');
            input.focus();
        });
    });
}());
