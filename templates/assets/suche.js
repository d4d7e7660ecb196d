// Die Suche der Website: liest den Index unter suche/ (von sitegen aus den
// Inhalten gebaut) und zeigt die Treffer, während man tippt. Lädt nur die
// Teile des Index, die eine Anfrage braucht, und nichts von anderen Hosts.
// Ohne JavaScript bleibt der Abschnitt mit den Listen stehen.
(function () {
  "use strict";
  var form = document.querySelector("form.suche[data-index]");
  if (!form || !window.fetch || !window.URL) return;
  var input = document.getElementById("_suche-q");
  var art = document.getElementById("_suche-art");
  var land = document.getElementById("_suche-land");
  var feld = document.getElementById("_suche-feld");
  var status = document.getElementById("_suche-status");
  var list = document.getElementById("_suche-treffer");
  var more = document.getElementById("_suche-mehr");
  var moreBox = document.getElementById("_suche-mehr-absatz");
  var noScript = document.getElementById("_suche-ohne-js");
  var base = new URL(form.getAttribute("data-index"), document.baseURI);
  var PAGE = 10;
  // Was ein Teilwort (z. B. „faser“ in „Glasfaser“) höchstens nachlädt.
  var PART_SHARDS = 6;
  // Wie viele Shards ein kurzer Präfix (z. B. „park“) höchstens lädt, in Bytes.
  var PREFIX_BUDGET = 200000;
  // Endungen, die Snowballs deutscher Stemmer abschneidet: „kassenanordnungen“
  // findet den Stamm „kassenanordn“, „nachhaltigkeit“ den Stamm „nachhalt“.
  var ENDING = /^(?:ig|ik|isch|lich|heit|keit|ung|end|em|ern|er|en|es|est|st|e|s|n)*$/;
  var KIND_NAMES = [];

  // Wie SearchText.swift: klein, ä/ae, ö/oe, ü/ue und ß/ss gleich, Akzente weg.
  var LATIN1 = "aaaaaa_ceeeeiiii_nooooo__uuuuy_S" + "aaaaaa_ceeeeiiii_nooooo__uuuuy_y";
  function foldPairs(w) {
    var out = "";
    for (var i = 0; i < w.length; i++) {
      var c = w[i];
      if (c === "e" && i >= 1 && "aou".indexOf(w[i - 1]) >= 0 && (i < 2 || "aeiouq".indexOf(w[i - 2]) < 0)) continue;
      out += c;
    }
    return out;
  }
  function fold(text, keepStop) {
    var out = [], cur = "";
    function flush() {
      if (cur.length >= manifest.minimum) {
        var f = foldPairs(cur);
        if (f.length >= manifest.minimum && f.length <= manifest.maximum && (keepStop || !stop[f])) out.push(f);
      }
      cur = "";
    }
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) cur += text[i];
      else if (c >= 65 && c <= 90) cur += String.fromCharCode(c + 32);
      else if (c >= 0xc0 && c <= 0xff) {
        var t = LATIN1[c - 0xc0];
        if (t === "_") flush(); else cur += t === "S" ? "ss" : t;
      } else flush();
    }
    flush();
    return out;
  }

  // Höchstens ein Schritt auseinander: ein Zeichen mehr, weniger, anders oder vertauscht.
  function oneEdit(a, b) {
    if (a === b) return false;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // Die Treffer eines Stamms, wie Varint.swift sie packt: Zahlen in Gruppen
  // zu fünf Bit, ein Zeichen je Gruppe; die oberen 32 Zeichen sagen „es folgt mehr“.
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  function unpack(text) {
    var out = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGITS.indexOf(text[i]);
      value += (d & 31) * Math.pow(2, shift);
      if (d >= 32) shift += 5;
      else {
        out.push(value);
        value = 0;
        shift = 0;
      }
    }
    return out;
  }

  var cache = {};
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, base).href).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }

  var manifest = null, stop = {}, shardSizes = {}, shardKeys = [];
  // Der Shard eines Wortes: der längste Schlüssel, mit dem es beginnt.
  function shardOf(word) {
    for (var n = Math.min(word.length, 8); n >= 2; n--) {
      var k = word.slice(0, n);
      if (shardSizes.hasOwnProperty(k)) return k;
    }
    return null;
  }
  // Die Shards, die ein Präfix braucht: sein eigener und, wenn er kürzer
  // als die Schlüssel ist, die längeren, solange das Budget reicht.
  function shardsFor(word) {
    var own = shardOf(word), keys = own ? [own] : [];
    if (word.length >= 3) {
      var spent = 0;
      shardKeys.forEach(function (k) {
        if (k.length > word.length && k.indexOf(word) === 0 && spent + shardSizes[k] <= PREFIX_BUDGET) {
          keys.push(k);
          spent += shardSizes[k];
        }
      });
    }
    return keys;
  }

  // Trefferwerte eines Wortes der Anfrage: Dokumentnummer → Punkte.
  function scoreWord(q) {
    var keys = shardsFor(q);
    return Promise.all(keys.map(function (k) { return load("t/" + k + ".json"); })).then(function (shards) {
      var scores = {}, partStems = {};
      function add(packed, factor) {
        var list = unpack(packed), doc = 0;
        for (var i = 0; i < list.length; i += 2) {
          doc += list[i];
          var s = list[i + 1] * factor;
          if (!(scores[doc] >= s)) scores[doc] = s;
        }
      }
      shards.forEach(function (shard) {
        Object.keys(shard.t).forEach(function (t) {
          if (t === q) add(shard.t[t], 1);
          else if (t.length >= 3 && q.indexOf(t) === 0 && ENDING.test(q.slice(t.length))) add(shard.t[t], 1);
          else if (q.length >= 3 && t.indexOf(q) === 0) add(shard.t[t], 0.7);
        });
        if (q.length >= 4) {
          Object.keys(shard.p).forEach(function (p) {
            if (p.indexOf(q) === 0 || (q.indexOf(p) === 0 && ENDING.test(q.slice(p.length)))) {
              shard.p[p].forEach(function (stem) { partStems[stem] = true; });
            }
          });
        }
      });
      // Teilwörter: die Stämme der ganzen Wörter stehen in anderen Shards.
      var byShard = {};
      Object.keys(partStems).forEach(function (stem) {
        var k = shardOf(stem);
        if (k) (byShard[k] = byShard[k] || []).push(stem);
      });
      var wanted = Object.keys(byShard).sort(function (a, b) {
        return byShard[b].length - byShard[a].length || shardSizes[a] - shardSizes[b] || (a < b ? -1 : 1);
      }).slice(0, PART_SHARDS);
      var nameKey = q.slice(0, 2);
      var names = q.length >= 4 && manifest.names.indexOf(nameKey) >= 0 ? load("n/" + nameKey + ".json") : Promise.resolve({});
      return Promise.all([Promise.all(wanted.map(function (k) { return load("t/" + k + ".json"); })), names]).then(function (got) {
        got[0].forEach(function (shard, i) {
          byShard[wanted[i]].forEach(function (stem) { if (shard.t[stem]) add(shard.t[stem], 0.5); });
        });
        // Namen mit einem Tippfehler („Bendorff“, „Hennf“).
        Object.keys(got[1]).forEach(function (name) {
          if (oneEdit(q, name)) got[1][name].forEach(function (doc) {
            var s = 24 * 0.6;
            if (!(scores[doc] >= s)) scores[doc] = s;
          });
        });
        return scores;
      });
    });
  }

  function kindRange(value) {
    for (var i = 0; i < manifest.kinds.length; i++) {
      if (manifest.kinds[i][0].toLowerCase() === value) return manifest.kinds[i].slice(1);
    }
    return [0, 0];
  }
  function landRange(value) {
    for (var i = 0; i < manifest.laender.length; i++) {
      if (manifest.laender[i][1] === value) return manifest.laender[i].slice(2);
    }
    return [0, 0];
  }
  function feldDocs(value) {
    if (!value) return Promise.resolve(null);
    return load("f/" + value + ".json").then(function (deltas) {
      var set = {}, doc = 0;
      deltas.forEach(function (d) { doc += d; set[doc] = true; });
      return set;
    });
  }

  // Alle Treffer, sortiert: erst die mit allen Wörtern, dann nach Punkten.
  function search(query, filters) {
    var words = fold(query, false);
    if (!words.length) return Promise.resolve({ words: words, hits: [] });
    return Promise.all([Promise.all(words.map(scoreWord)), feldDocs(filters.feld)]).then(function (got) {
      var per = got[0], felder = got[1], total = {};
      per.forEach(function (scores) {
        Object.keys(scores).forEach(function (doc) {
          var t = total[doc] || (total[doc] = { doc: +doc, words: 0, score: 0 });
          t.words += 1;
          t.score += scores[doc];
        });
      });
      var kr = filters.art ? kindRange(filters.art) : null;
      var lr = filters.land ? landRange(filters.land) : null;
      var hits = Object.keys(total).map(function (d) { return total[d]; }).filter(function (h) {
        if (kr && (h.doc < kr[0] || h.doc >= kr[1])) return false;
        if (lr && (h.doc < lr[0] || h.doc >= lr[1])) return false;
        if (felder && !felder[h.doc]) return false;
        return true;
      });
      // Mehrere Wörter: Seiten mit allen zuerst; die mit weniger nur, wenn keine alle hat.
      var best = hits.reduce(function (m, h) { return Math.max(m, h.words); }, 0);
      if (words.length > 1 && best === words.length) hits = hits.filter(function (h) { return h.words === best; });
      hits.sort(function (a, b) { return b.words - a.words || b.score - a.score || a.doc - b.doc; });
      return { words: words, hits: hits };
    });
  }

  function documents(hits) {
    var per = manifest.perShard;
    return Promise.all(hits.map(function (h) {
      return load("d/" + Math.floor(h.doc / per) + ".json").then(function (docs) { return docs[h.doc % per]; });
    }));
  }

  // Text mit den gefundenen Wörtern in <mark>, sicher als DOM-Knoten.
  function highlight(el, text, words) {
    var parts = text.split(/([A-Za-z0-9\u00c0-\u00ff]+)/);
    parts.forEach(function (part, i) {
      var f = i % 2 ? fold(part, true)[0] : null;
      var hit = f && words.some(function (q) {
        return f.indexOf(q) === 0 || (q.length >= 4 && f.indexOf(q) >= 0) || (f.length >= 4 && q.indexOf(f.slice(0, Math.max(4, f.length - 3))) === 0);
      });
      if (hit) {
        var m = document.createElement("mark");
        m.textContent = part;
        el.appendChild(m);
      } else if (part) el.appendChild(document.createTextNode(part));
    });
  }

  var shown = [], current = null, sequence = 0;
  function render(result, query, from) {
    if (from === 0) list.textContent = "";
    var page = result.hits.slice(from, from + PAGE);
    return documents(page).then(function (docs) {
      docs.forEach(function (d, i) {
        var li = document.createElement("li");
        var h = document.createElement("h2");
        var a = document.createElement("a");
        // Relativ zur Suchseite (suche/): so geht es auch unter einem Unterpfad.
        a.setAttribute("href", "../" + d[2]);
        highlight(a, d[1], result.words);
        h.appendChild(a);
        li.appendChild(h);
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = KIND_NAMES[d[0]] + (d[3] ? " · " + d[3] : "");
        li.appendChild(meta);
        if (d[4]) {
          var p = document.createElement("p");
          highlight(p, d[4], result.words);
          li.appendChild(p);
        }
        list.appendChild(li);
        if (from > 0 && i === 0) a.focus();
      });
      shown = result.hits.slice(0, from + page.length);
      moreBox.hidden = shown.length >= result.hits.length;
    });
  }

  function filters() {
    return { art: art.value, land: land.value, feld: feld.value };
  }

  function describe(n, query) {
    var f = filters(), parts = [];
    if (f.art) parts.push(art.options[art.selectedIndex].text);
    if (f.land) parts.push(land.options[land.selectedIndex].text);
    if (f.feld) parts.push(feld.options[feld.selectedIndex].text);
    var text = (n === 0 ? "Keine Treffer" : n === 1 ? "1 Treffer" : n.toLocaleString("de-DE") + " Treffer") + " für „" + query + "“";
    return text + (parts.length ? " (nur " + parts.join(", ") + ")" : "") + ".";
  }

  function updateURL() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    ["art", "land", "feld"].forEach(function (name) { if (form.elements[name].value) params.set(name, form.elements[name].value); });
    var s = params.toString();
    history.replaceState(null, "", s ? "?" + s : location.pathname);
  }

  function run() {
    var query = input.value.trim();
    var mine = ++sequence;
    updateURL();
    if (!fold(query, false).length) {
      list.textContent = "";
      moreBox.hidden = true;
      status.textContent = query ? "Bitte geben Sie ein längeres Wort ein." : "";
      return Promise.resolve();
    }
    return search(query, filters()).then(function (result) {
      if (mine !== sequence) return;
      current = result;
      return render(result, query, 0).then(function () {
        if (mine === sequence) status.textContent = describe(result.hits.length, query);
      });
    }).catch(function () {
      if (mine === sequence) status.textContent = "Der Suchindex konnte nicht geladen werden. Bitte versuchen Sie es später noch einmal.";
    });
  }

  var timer = null;
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  }

  load("index.json").then(function (m) {
    manifest = m;
    m.stop.forEach(function (w) { stop[w] = true; });
    m.shards.forEach(function (s) { shardSizes[s[0]] = s[1]; shardKeys.push(s[0]); });
    KIND_NAMES = m.kinds.map(function (k) { return k[0]; });
    noScript.hidden = true;
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    ["art", "land", "feld"].forEach(function (name) {
      var v = params.get(name);
      if (v && form.elements[name].querySelector('option[value="' + v.replace(/[^a-z0-9-]/g, "") + '"]')) form.elements[name].value = v;
    });
    input.addEventListener("input", soon);
    [art, land, feld].forEach(function (el) { el.addEventListener("change", run); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run();
    });
    more.addEventListener("click", function () {
      if (current) render(current, input.value.trim(), shown.length);
    });
    return run().then(function () { document.documentElement.setAttribute("data-suche", "bereit"); });
  }).catch(function () {
    status.textContent = "Der Suchindex konnte nicht geladen werden. Die Listen unten führen zu allen Seiten.";
  });
})();
