/* The review page's behaviour: chapters that seek, a transcript that follows playback,
   platform tabs, posts recounted as one types (the rules of `repackage count`), copy
   buttons and the edited thread as a Markdown draft. No network: everything is in the page. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("preview-data").textContent);
  var twitter = window.twttr && window.twttr.txt;

  /* ---- counting: the same rules as repackage/thread/counting.py ---- */
  var graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  var encoder = new TextEncoder();
  var URL_RE = /(?<![\p{L}\p{M}\p{Nd}\p{Pc}\/])https?:\/\/[^\s<>"«»]+[^\s<>"«».,،؛:;!?؟)\]]/gu;
  var EMOJI_RE = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

  function codePoints(text) { return Array.from(text).length; }
  function utf8(text) { return encoder.encode(text).length; }
  function clusters(text) { return Array.from(graphemes.segment(text), function (s) { return s.segment; }); }

  function mastodonLength(text, weight) {
    var total = 0, pos = 0, m;
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(text)) !== null) {
      total += codePoints(text.slice(pos, m.index)) + weight;
      pos = m.index + m[0].length;
    }
    return total + codePoints(text.slice(pos));
  }

  function linkCount(text) { return (text.match(URL_RE) || []).length; }

  function threadsLength(text) {
    return clusters(text).reduce(function (n, c) {
      return n + (EMOJI_RE.test(c) ? utf8(c) : codePoints(c));
    }, 0);
  }

  function measure(text, rules) {
    var length, problems = [];
    if (rules.counter === "twitter") {
      length = twitter.parseTweet(text, data.twitter_config).weightedLength;
      if (twitter.hasInvalidCharacters(text.normalize("NFC"))) problems.push("invalid characters");
    } else if (rules.counter === "graphemes") {
      length = clusters(text).length;
    } else if (rules.counter === "mastodon") {
      length = mastodonLength(text, rules.url_weight || 23);
    } else {
      length = threadsLength(text);
    }
    if (length > rules.limit) problems.push("over by " + (length - rules.limit));
    var bytes = utf8(text);
    if (rules.byte_limit && bytes > rules.byte_limit) problems.push(bytes + "/" + rules.byte_limit + " bytes");
    if (rules.max_links !== null && rules.max_links !== undefined && linkCount(text) > rules.max_links)
      problems.push("more than " + rules.max_links + " links");
    return { length: length, limit: rules.limit, ok: problems.length === 0, problems: problems };
  }
  window.repackageMeasure = measure;

  /* ---- player: chapters seek, the transcript follows ---- */
  var audio = document.getElementById("episode-audio");
  function seek(seconds) {
    if (!audio) return;
    audio.currentTime = seconds;
    var played = audio.play();
    if (played && played.catch) played.catch(function () {});
  }
  document.querySelectorAll("[data-seek]").forEach(function (el) {
    el.addEventListener("click", function (ev) {
      ev.preventDefault();
      seek(parseFloat(el.getAttribute("data-seek")));
    });
  });
  var cues = Array.prototype.slice.call(document.querySelectorAll("#transcript [data-start]"));
  var chapters = Array.prototype.slice.call(document.querySelectorAll("#chapters [data-seek]"));
  function mark(list, t, endOf) {
    var current = null;
    list.forEach(function (el, i) {
      var start = parseFloat(el.getAttribute(el.hasAttribute("data-start") ? "data-start" : "data-seek"));
      var end = endOf(el, i);
      var on = t >= start && t < end;
      el.classList.toggle("current", on);
      if (on) current = el;
    });
    return current;
  }
  if (audio) {
    audio.addEventListener("timeupdate", function () {
      var t = audio.currentTime;
      mark(chapters, t, function (el, i) {
        return i + 1 < chapters.length ? parseFloat(chapters[i + 1].getAttribute("data-seek")) : Infinity;
      });
      var cue = mark(cues, t, function (el) { return parseFloat(el.getAttribute("data-end")); });
      if (cue) {
        var box = document.getElementById("transcript");
        var top = cue.offsetTop - box.offsetTop;
        if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - cue.clientHeight)
          box.scrollTop = Math.max(0, top - box.clientHeight / 3);
      }
    });
  }

  /* ---- tabs ---- */
  var tabs = Array.prototype.slice.call(document.querySelectorAll("[role=tab]"));
  tabs.forEach(function (tab) {
    tab.addEventListener("click", function () {
      tabs.forEach(function (other) {
        var on = other === tab;
        other.setAttribute("aria-selected", on ? "true" : "false");
        document.getElementById(other.getAttribute("aria-controls")).hidden = !on;
      });
    });
  });

  /* ---- posts: live counts ---- */
  function recount(post) {
    var rules = data.platforms[post.getAttribute("data-platform")];
    var box = post.querySelector("textarea");
    var m = measure(box.value, rules);
    var count = post.querySelector(".count");
    count.textContent = m.length + "/" + m.limit;
    count.setAttribute("data-length", String(m.length));
    count.title = m.problems.join("; ");
    post.classList.toggle("over", !m.ok);
    post.setAttribute("data-ok", m.ok ? "true" : "false");
    var panel = post.closest("[role=tabpanel]");
    var over = panel.querySelectorAll(".post.over").length;
    var summary = panel.querySelector(".over-count");
    summary.textContent = over ? "فوق الحد: " + over : "كلها ضمن الحد";
    summary.setAttribute("data-over", String(over));
    summary.classList.toggle("bad", over > 0);
  }
  document.querySelectorAll(".post").forEach(function (post) {
    post.querySelector("textarea").addEventListener("input", function () { recount(post); });
    recount(post);
  });

  /* ---- copy ---- */
  function copy(text, button) {
    function done(ok) {
      var label = button.getAttribute("data-label") || button.textContent;
      button.setAttribute("data-label", label);
      button.textContent = ok ? "نُسخ ✓" : "تعذّر النسخ";
      setTimeout(function () { button.textContent = label; }, 1500);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () {
        done(fallbackCopy(text));
      });
    } else {
      done(fallbackCopy(text));
    }
  }
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }
  function postsOf(panel) {
    return Array.prototype.slice.call(panel.querySelectorAll(".post"));
  }
  document.querySelectorAll(".copy-post").forEach(function (button) {
    button.addEventListener("click", function () {
      copy(button.closest(".post").querySelector("textarea").value, button);
    });
  });
  document.querySelectorAll(".copy-thread").forEach(function (button) {
    button.addEventListener("click", function () {
      var panel = button.closest("[role=tabpanel]");
      copy(postsOf(panel).map(function (p) { return p.querySelector("textarea").value; }).join("\n\n"), button);
    });
  });

  /* ---- the edited thread as the Markdown draft `repackage thread --check` reads ---- */
  function words(text) { return text.split(/\s+/).filter(Boolean).join(" "); }
  function escapeAlt(alt) { return words(alt).replace(/\\/g, "\\\\").replace(/\]/g, "\\]"); }
  function draft(panel) {
    var name = panel.getAttribute("data-platform");
    var rules = data.platforms[name];
    var lines = ["<!-- repackage thread: platform=" + name + " limit=" + rules.limit + " -->",
                 "# " + rules.label + " thread: " + words(data.title), ""];
    if (data.placeholders.length)
      lines.push("> Fill in before posting: " + data.placeholders.join(", ") +
                 " link (marked with square brackets).", "");
    postsOf(panel).forEach(function (post, i) {
      var text = post.querySelector("textarea").value;
      var m = measure(text, rules);
      lines.push("## " + (i + 1) + " · " + m.length + "/" + m.limit, "", text, "");
      rules.posts[i].media.forEach(function (media) {
        lines.push("![" + escapeAlt(media.alt) + "](" + media.file + ")", "");
      });
    });
    return lines.join("\n").replace(/\n+$/, "") + "\n";
  }
  window.repackageDraft = function (name) {
    return draft(document.querySelector("[role=tabpanel][data-platform='" + name + "']"));
  };
  document.querySelectorAll(".download-thread").forEach(function (button) {
    button.addEventListener("click", function () {
      var panel = button.closest("[role=tabpanel]");
      var blob = new Blob([draft(panel)], { type: "text/markdown;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = panel.getAttribute("data-platform") + ".md";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
  });
})();
