"""Coverage-guided fuzzing of the text pipeline: bytes -> decode_bytes -> athar.read.

Run: python fuzz/fuzz_read.py fuzz/seeds -max_total_time=60   (libFuzzer's options)

A crash is any exception but AtharError, or an offset that does not cut the original text:
every span of every layer must lie inside the text and be the text it says it is.
"""

import sys

import atheris

with atheris.instrument_imports(include=["athar"]):
    import athar
    from athar.errors import AtharError
    from athar.read.source import decode_bytes


def test_one_input(data: bytes) -> None:
    try:
        text = decode_bytes(data, "fuzz")
        doc = athar.read(text)
    except AtharError:
        return
    for layer in doc.LAYERS:
        for span in doc.spans(layer):
            if not (0 <= span.start <= span.end <= len(text)) or text[span.start:span.end] != span.text:
                raise AssertionError(f"{layer} span {span.start}:{span.end} is not in the text")
    for tok in doc.tokens:
        start, end = doc.original(tok.start, tok.end)
        if not 0 <= start <= end <= len(text):
            raise AssertionError(f"token {tok} maps outside the text: {start}:{end}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
