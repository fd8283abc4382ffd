#!/usr/bin/env python3
"""Makes the small PDFs in tests/fixtures used by the bad-input tests.

The text is the project's own (no report text). Needs qpdf.
Run from the repository root: python3 scripts/make_fixtures.py
"""
import subprocess, os

out = "tests/fixtures"

def minimal_pdf(lines, quote_operators=False):
    """A one-page PDF with Helvetica text, written by hand so no tool is needed. With
    `quote_operators` every line is drawn with the standard's shorthands, the
    ' operator ("next line, show text") and the " operator (the same with word and character
    spacing), as some PDF writers do."""
    if quote_operators:
        ops = [f"({l}) '" if i % 2 == 0 else f"0 0 ({l}) \"" for i, l in enumerate(lines)]
        content = "BT /F1 14 Tf 72 720 Td 18 TL " + " ".join(ops) + " ET"
    else:
        content = "BT /F1 14 Tf 72 720 Td 18 TL " + " T* ".join(f"({l}) Tj" for l in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = "%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += f"{i} 0 obj\n{body}\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    pdf += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return pdf.encode("latin-1")

def image_only_pdf():
    """A one-page PDF holding only a grey-scale image (like a scan): no text layer."""
    w, h = 60, 80
    pixels = bytes(255 if (y // 8) % 2 else 40 for y in range(h) for x in range(w))
    content = "q 480 640 0 0 60 80 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream".encode(),
        f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {len(pixels)} >>\nstream\n".encode() + pixels + b"\nendstream",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    pdf += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return pdf

plain = os.path.join(out, "plain-letter.pdf")
with open(plain, "wb") as f:
    f.write(minimal_pdf(["Dear colleague,", "This is a test letter, not an inspection report."]))
subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", plain, os.path.join(out, "user-password.pdf")], check=True)
subprocess.run(["qpdf", "--encrypt", "", "owner-only", "256", "--print=none", "--modify=none", "--extract=n", "--", plain, os.path.join(out, "owner-password-only.pdf")], check=True)
with open(os.path.join(out, "image-only.pdf"), "wb") as f:
    f.write(image_only_pdf())
with open(os.path.join(out, "quote-operators.pdf"), "wb") as f:
    f.write(minimal_pdf([
        "Focused visit to Torbay children's services",
        "This letter summarises the findings of the focused visit to Torbay",
        "children's services on 4 and 5 February 2025. The text of this",
        "test file is the project's own, drawn with the quote operators.",
    ], quote_operators=True))
print("fixtures written to", out)
