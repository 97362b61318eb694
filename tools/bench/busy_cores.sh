# Sourced by the benchmark scripts: busy_cores prints the cores other processes kept busy,
# sampled from /proc/stat over one second (the caller is idle meanwhile). Needs PY.
busy_cores() {
  "$PY" - <<'PYEOF'
import os, time
def sample():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v), v[3] + v[4]  # total, idle + iowait
t0, i0 = sample(); time.sleep(1); t1, i1 = sample()
print("%.2f" % ((1 - (i1 - i0) / max(1, t1 - t0)) * os.cpu_count()))
PYEOF
}
