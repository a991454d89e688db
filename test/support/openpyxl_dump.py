"""Dumps every worksheet's cells (value and number format) of an .xlsx file as JSON.

Used by the xlsx host tests as an independent reader:
    /usr/bin/python3 test/support/openpyxl_dump.py FILE...
prints one JSON object keyed by each FILE as given, whose value is
{"ok": true, "sheets": {sheet: {"A1": [kind, value, number_format], ...}}}
or {"ok": false, "error": "..."} when openpyxl cannot open the file.
Formula cells are read with their cached values (data_only=True).
"""
import datetime
import json
import sys
import warnings


def encode(value):
    if value is None:
        return ["empty", None]
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, (int, float)):
        return ["number", repr(float(value))]
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        return ["date", str(value)]
    return ["text", str(value)]


def dump(path):
    import openpyxl
    from openpyxl.utils import get_column_letter
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception as e:  # the file may be one openpyxl itself cannot read
        return {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
    sheets = {}
    for ws in wb.worksheets:
        cells = getattr(ws, "_cells", None)
        if cells is None:
            continue
        out = {}
        for (row, col), cell in sorted(cells.items()):
            out["%s%d" % (get_column_letter(col), row)] = encode(cell.value) + [cell.number_format]
        sheets[ws.title] = out
    return {"ok": True, "sheets": sheets}


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    result = {path: dump(path) for path in sys.argv[1:]}
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
