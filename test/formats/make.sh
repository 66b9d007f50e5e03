#!/bin/sh
# Remakes the office-software fixtures of this folder from the hand-written
# sources beside them. Needs LibreOffice (Debian: libreoffice-writer-nogui),
# poppler-utils and img2pdf; the test suite itself needs none of them.
# Run from this folder: sh make.sh
set -eu
out=$(mktemp -d)
cp list.html table.html numbering.fodt "$out"/
cd "$out"
soffice --headless --convert-to docx:"MS Word 2007 XML" list.html table.html numbering.fodt
soffice --headless --convert-to doc:"MS Word 97" list.docx table.docx
soffice --headless --convert-to pdf:writer_pdf_Export list.docx table.docx numbering.docx
# A scan: page 1 of list.pdf as a 1-bit picture, in a PDF without any text.
pdftoppm -r 72 -mono -png -f 1 -l 1 list.pdf scan
img2pdf scan-1.png -o scanned.pdf
# Damaged files: each format cut short.
head -c 3000 table.pdf > corrupt.pdf
head -c 3000 list.docx > corrupt.docx
head -c 2500 list.doc > corrupt.doc
cd - >/dev/null
cp "$out"/list.docx "$out"/list.doc "$out"/list.pdf "$out"/table.docx "$out"/table.doc "$out"/table.pdf \
  "$out"/numbering.docx "$out"/numbering.pdf "$out"/scanned.pdf "$out"/corrupt.pdf "$out"/corrupt.docx "$out"/corrupt.doc .
# A page that declares GBK but holds bytes that are not GBK, and a text file in no Chinese encoding.
printf '<!DOCTYPE html><html><head><meta charset="gbk"><title>x</title></head><body><p>\377\377\200\200</p></body></html>' > corrupt.html
printf 'caf\351 \351t\351\n' > corrupt.txt
rm -r "$out"
