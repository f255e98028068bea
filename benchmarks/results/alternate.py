"""Bandingkan build bersih lama dan baru secara bergantian (skrip sekali pakai, disimpan sebagai
catatan cara mengukur hasil di build-times-alternating.json).

Lama: ``git archive 763d295 | tar -x -C /tmp/baseline`` (sebelum ekstensi build), dibangun dengan
``PYTHONPATH=/tmp/baseline``; baru: worktree ini. Setiap putaran membangun keduanya dari nol
(ruang kerja dan cache baru), bergantian, agar beban mesin bersama mengenai keduanya setara.
Pemakaian: ``python alternate.py <putaran> <keluaran.json>``.
"""
import importlib.util, json, os, sys, time, tempfile
from pathlib import Path

def load(root, name):
    spec = importlib.util.spec_from_file_location(name, Path(root) / "benchmarks" / "_common.py")
    mod = importlib.util.module_from_spec(spec); sys.modules[name] = mod; spec.loader.exec_module(mod); return mod

old = load("/tmp/baseline", "old_common")
new = load("/work/wt/build", "new_common")
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
out = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/alternate.json")
base = Path(tempfile.mkdtemp(prefix="alt-"))
results = {"old": [], "new": []}
os.chdir("/tmp")
for r in range(rounds):
    for label in ("old", "new"):
        if label == "old":
            os.environ["PYTHONPATH"] = "/tmp/baseline"
            ws = old.Workspace.create(base / "old")
        else:
            os.environ.pop("PYTHONPATH", None)
            ws = new.Workspace.create(base / "new")
        load1 = os.getloadavg()[0]
        seconds = ws.build()
        recs = ws.execution_records()
        pages = {p: s for p, (_, s) in recs.items()}
        ideal = max(max(pages.values()), sum(pages.values()) / 2)
        entry = {"total": round(seconds, 1), "pages": {k: round(v, 1) for k, v in pages.items()},
                 "ideal": round(ideal, 1), "load_start": round(load1, 1),
                 "load_end": round(os.getloadavg()[0], 1)}
        if label == "new":
            entry["report"] = ws.execution_report()
        results[label].append(entry)
        print(label, r, json.dumps(entry), flush=True)
        out.write_text(json.dumps(results, indent=1))
os.environ.pop("PYTHONPATH", None)
