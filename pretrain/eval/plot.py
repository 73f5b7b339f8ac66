"""A report as a picture: per probe, bars for random init, the pretrained backbone and
the real-photo reference (mean, with the seeds' spread), and the gap closed written
over the pretrained bar. `pretrain eval --plot PATH` draws it."""

from __future__ import annotations

from pathlib import Path

from pretrain.eval.evaluate import EvalReport

COLOURS = {"random init": "#bbbbbb", "pretrained": "#4477aa", "real-photo reference": "#228833"}


def plot_report(report: EvalReport, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    probes = list(report.probes)
    bars: dict[str, list[tuple[float, float] | None]] = {name: [] for name in COLOURS}
    for probe in probes:
        bars["random init"].append(
            (report.random_mean(probe), report.random_std(probe)) if report.random_init else None
        )
        bars["pretrained"].append(
            (report.pretrained.accuracy[probe], 0.0) if report.pretrained else None
        )
        bars["real-photo reference"].append(
            (report.reference_mean(probe), report.reference_std(probe))
            if report.reference
            else None
        )
    shown = [name for name, values in bars.items() if any(v is not None for v in values)]
    width = 0.8 / max(1, len(shown))
    figure, axes = plt.subplots(figsize=(1.6 + 1.9 * len(probes), 3.6))
    for n, name in enumerate(shown):
        for p, value in enumerate(bars[name]):
            if value is None:
                continue
            x = p - 0.4 + width * (n + 0.5)
            axes.bar(
                x,
                100 * value[0],
                width,
                yerr=100 * value[1] if value[1] else None,
                color=COLOURS[name],
                label=name if p == 0 else None,
                capsize=3,
            )
            if name == "pretrained":
                closed = report.gap_closed(probes[p])
                if closed is not None:
                    axes.annotate(
                        f"{100 * closed:.0f}% of the gap",
                        (x, 100 * value[0]),
                        ha="center",
                        va="bottom",
                        fontsize=7,
                        xytext=(0, 2),
                        textcoords="offset points",
                    )
    axes.set_xticks(range(len(probes)), probes)
    axes.set_ylabel(f"{report.dataset} accuracy (%)")
    axes.set_title(f"{report.backbone} on {report.dataset}", fontsize=9)
    axes.legend(fontsize=7, loc="lower right")
    figure.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
