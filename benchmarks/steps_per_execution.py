"""Waktu pelatihan satu langkah per eksekusi lawan ``STEPS_PER_EXECUTION`` langkah.

Melatih eksperimen pembanding buku (3 × 100 ReLU/He, SGD momentum, 10.000 gambar, batch 32)
bergantian dengan kedua pengaturan, beberapa kali, di satu thread TensorFlow seperti kernel
halaman, lalu mencetak median, rasio, dan memastikan riwayatnya identik.

    .venv/bin/python benchmarks/steps_per_execution.py [--repeats 3] [--epochs 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

from chapter11 import runtime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    runtime.setup(seed=0)
    from chapter11.baselines import comparison_experiment
    from chapter11.experiments import training

    exp = comparison_experiment(runtime.current_budget(), optimizer_kwargs={"momentum": 0.9},
                                epochs=args.epochs, label="benchmark")
    settings = {"1 langkah": 1, f"{training.STEPS_PER_EXECUTION} langkah":
                training.STEPS_PER_EXECUTION}
    default = training.STEPS_PER_EXECUTION
    times = {name: [] for name in settings}
    histories = {}
    for _ in range(args.repeats):
        for name, value in settings.items():
            training.STEPS_PER_EXECUTION = value
            start = time.perf_counter()
            histories[name] = training.train(exp).history
            times[name].append(time.perf_counter() - start)
    training.STEPS_PER_EXECUTION = default
    medians = {name: statistics.median(t) for name, t in times.items()}
    base = medians["1 langkah"]
    for name, median in medians.items():
        print(f"{name:>12}: median {median:6.2f} dtk  ({', '.join(f'{t:.2f}' for t in times[name])})"
              f"  rasio {median / base:.2f}")
    first, *rest = histories.values()
    print("riwayat identik:", all(h == first for h in rest))


if __name__ == "__main__":
    main()
