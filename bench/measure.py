"""Time, CPU and peak memory of one command and every process it starts, and how busy the rest of the machine was.

Memory is sampled over the command's whole process tree (a build forks one process per language): every 50 ms the
sum of resident sizes (RSS, which counts pages the processes share after a fork once per process, so it overstates),
every 0.5 s the sum of proportional sizes (PSS, shared pages split between their processes: what the tree really
holds; costlier to read).
The machine is shared: the CPU time other processes used meanwhile, from /proc/stat, is recorded with every
measurement, so that a disturbed timing can be told from a slow one.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import time
from pathlib import Path

PROC = Path("/proc")
SAMPLE_SECONDS = 0.05  # RSS; PSS every PSS_EVERY samples, since counting it costs the machine more
PSS_EVERY = 10
TICKS = os.sysconf("SC_CLK_TCK")


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return children


def _field_kb(path: Path, name: str) -> int:
    with contextlib.suppress(OSError, StopIteration):  # a process that ended meanwhile
        return next(int(line.split()[1]) for line in path.read_text().splitlines() if line.startswith(name))
    return 0


def _tree(root_pid: int) -> list[int]:
    children, pids, stack = _children(), [], [root_pid]
    while stack:
        pids.append(stack.pop())
        stack.extend(children.get(pids[-1], []))
    return pids


def tree_memory_kb(root_pid: int, with_pss: bool = True) -> tuple[int, int]:
    """(RSS, PSS) in kB of a process and all its descendants (PSS 0 unless asked: the kernel walks every page
    table to count it, some 20 ms of CPU for a process of 1.5 GB)."""
    pids = _tree(root_pid)
    rss = sum(_field_kb(PROC / str(pid) / "status", "VmRSS:") for pid in pids)
    pss = sum(_field_kb(PROC / str(pid) / "smaps_rollup", "Pss:") for pid in pids) if with_pss else 0
    return rss, pss


def busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (every core, every process)."""
    values = [int(value) for value in (PROC / "stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle and iowait
    return (sum(values[:8]) - idle) / TICKS


def load_average() -> float:
    return float((PROC / "loadavg").read_text().split()[0])


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path, timeout: float, memory_cap_mb: float) -> dict:
    """Wall time, CPU time (the command and its descendants), peak RSS and PSS of the tree, the CPU share the rest
    of the machine used meanwhile, and the load average before; or how the command was stopped (over `timeout`
    seconds, over `memory_cap_mb`), with the figures reached by then."""
    load_before = load_average()
    cpu_before, busy_before = _children_cpu(), busy_seconds()
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = pss = samples = 0
    stopped = None
    while process.poll() is None:
        rss, sampled = tree_memory_kb(process.pid, with_pss=samples % PSS_EVERY == 0)
        samples += 1
        pss = sampled or pss
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        if time.monotonic() - started > timeout:
            stopped = f"over {timeout / 60:.0f} minutes"
        elif pss / 1024 > memory_cap_mb:
            stopped = f"over {memory_cap_mb / 1024:.0f} GiB"
        if stopped:
            _kill_tree(process)
            break
        time.sleep(SAMPLE_SECONDS)
    seconds = time.monotonic() - started
    cpu = _children_cpu() - cpu_before
    others = max(0.0, busy_seconds() - busy_before - cpu)
    result = {
        "seconds": None if stopped else round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(peak_rss / 1024, 1),
        "peak_pss_mb": round(peak_pss / 1024, 1),
        "others_cpu_share": round(others / (os.cpu_count() * seconds), 2),
        "load_before": load_before,
    }
    if stopped:
        return {**result, "stopped": stopped, "stopped_after_seconds": round(seconds, 1)}
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{process.stderr.read()[-3000:]}")
    return result


def _kill_tree(process: subprocess.Popen) -> None:
    """Stop the command and every process it started (the language builds it forked)."""
    for pid in _tree(process.pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
    process.wait()
