"""Timeline, chapters and captions (pure), and the chapter-frame order in a tagged file."""

from __future__ import annotations

import subprocess

from hypothesis import given, settings
from hypothesis import strategies as st

from repackage.audio import publish
from repackage.audio.codec import ffmpeg_exe

RATE = 44100


def test_place_segments_counts_samples_and_pauses():
    items = [("intro", "intro", "المقدمة", RATE * 2, [("أهلا", 0, RATE * 2)]),
             ("p01", "paragraph", "فقرة", RATE, [("جملة.", 0, RATE // 2),
                                                   ("ثانية.", RATE // 2, RATE)])]
    placed = publish.place_segments(items, [500, 0], offset=2.5, rate=RATE)
    assert placed[0].start == 2.5 and placed[0].end == 4.5
    assert placed[1].start == 5.0 and placed[1].end == 6.0
    assert placed[1].spans[1] == ("ثانية.", 5.5, 6.0)
    chaps = publish.chapters(placed, total=9.0)
    assert chaps[0]["start"] == 0.0 and chaps[0]["end"] == 5.0
    assert chaps[1]["start"] == 5.0 and chaps[1]["end"] == 9.0
    doc = publish.chapters_json(chaps, "عنوان")
    assert doc["version"] == "1.2.0"
    assert [c["startTime"] for c in doc["chapters"]] == [0.0, 5.0]


words = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=1, max_size=14)


@settings(max_examples=100, deadline=None)
@given(st.lists(words, min_size=1, max_size=60), st.floats(min_value=0.5, max_value=30))
def test_cues_are_rtl_short_and_cover_the_span(ws, length):
    text = " ".join(ws)
    placed = [publish.Placed("p01", "paragraph", "", 1.0, 1.0 + length,
                             ((text, 1.0, 1.0 + length),))]
    cues = publish.cues(placed)
    assert cues[0][0] == 1.0 and abs(cues[-1][1] - (1.0 + length)) < 1e-6
    for (a, b, lines), nxt in zip(cues, cues[1:] + [None], strict=True):
        assert a < b and 1 <= len(lines) <= 2
        assert all(ln.startswith(publish.RLM) and len(ln) <= 66 for ln in lines)
        if nxt:
            assert abs(nxt[0] - b) < 1e-9
    spoken = " ".join(ln[1:] for _, _, lines in cues for ln in lines)
    assert spoken == text


def test_webvtt_and_srt_format():
    cues = [(2.5, 4.25, ["\u200fمرحبا"]), (4.25, 3661.5, ["\u200fسطر", "\u200fثان"])]
    vtt = publish.webvtt(cues)
    assert vtt.startswith("WEBVTT\n")
    assert "00:00:02.500 --> 00:00:04.250" in vtt and "01:01:01.500" in vtt
    srt = publish.srt(cues)
    assert srt.startswith("1\n00:00:02,500 --> 00:00:04,250\n\u200fمرحبا\n")


def test_tags_store_chapters_in_time_order(tmp_path):
    from mutagen.id3 import ID3

    mp3 = tmp_path / "t.mp3"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i",
                    "sine=frequency=200:duration=3", "-ac", "1", "-c:a", "libmp3lame",
                    "-b:a", "96k", "-f", "mp3", str(mp3)], check=True)
    titles = ["قصير", "عنوان أطول بكثير من غيره في هذه الحلقة", "متوسط الطول", "ب"]
    chaps = [{"start": i * 0.75, "end": (i + 1) * 0.75, "title": t} for i, t in enumerate(titles)]
    publish.tag_mp3(mp3, title="حلقة", artist="فريق", album="برنامج", date="2024-07-05",
                    language="ara", genre="Podcast", chaps=chaps)
    tags = ID3(str(mp3))
    frames = tags.getall("CHAP")
    assert [f.sub_frames["TIT2"].text[0] for f in frames] == titles
    assert [f.start_time for f in frames] == [0, 750, 1500, 2250]
    assert list(tags.getall("CTOC")[0].child_element_ids) == [f.element_id for f in frames]
    assert tags.version[:2] == (2, 3)
    proc = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(mp3), "-f", "null", "-"],
                          capture_output=True)
    assert proc.returncode == 0 and not proc.stderr
