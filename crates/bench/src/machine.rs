//! What the machine was doing while a benchmark ran: its cores, its load average, and this
//! process's resident memory (Linux `/proc`; "unknown" elsewhere).

/// Logical cores as the OS offers them to this process.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `/proc/loadavg`'s three load averages (1, 5, 15 minutes), as written there.
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".into())
}

/// This process's resident set size in bytes (`VmRSS` of `/proc/self/status`).
pub fn rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// A line for the output: cores and load average now.
pub fn describe() -> String {
    format!("{} cores, load average {}", cores(), loadavg())
}
