"""Coverage-guided fuzzing of the front matter parser: bytes -> decode_bytes -> parse_document.

Run: python fuzz/fuzz_front_matter.py fuzz/seeds -max_total_time=60   (libFuzzer's options)

A crash is any exception but DocumentError (PyYAML's errors must be wrapped where they enter),
or a Document whose body is not the end of the text it was read from.
"""

import sys

import atheris

with atheris.instrument_imports(include=["athar", "yaml"]):
    from athar.errors import DocumentError
    from athar.read.source import decode_bytes, parse_document


def test_one_input(data: bytes) -> None:
    try:
        doc = parse_document(decode_bytes(data, "fuzz"), "fuzz.txt")
    except DocumentError:
        return
    text = decode_bytes(data, "fuzz")
    if not text.endswith(doc.body) or not doc.body.strip():
        raise AssertionError("the body is not the end of the text")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
