//! Peak memory of a measured part of a benchmark, from `/proc/self/status` (Linux): the peak
//! resident set (`VmHWM`) is reset at the start of the part (`/proc/self/clear_refs`, value 5) and
//! read at its end, next to the resident set (`VmRSS`) at its start.

/// What a measured part used: resident set at its start, peak resident set during it (bytes).
#[derive(Clone, Copy, Debug, Default)]
pub struct Peak {
    pub start_rss: u64,
    pub peak_rss: u64,
    /// Whether the peak was reset at the start (else it is the process's peak so far).
    pub reset: bool,
}

impl Peak {
    /// What the part added on top of what was resident at its start.
    pub fn growth(&self) -> u64 {
        self.peak_rss.saturating_sub(self.start_rss)
    }
}

impl std::fmt::Display for Peak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = |b: u64| b as f64 / (1024.0 * 1024.0);
        write!(
            f,
            "peak RSS {:.1} MiB, {:.1} MiB above the {:.1} MiB resident at its start (VmHWM{})",
            mb(self.peak_rss),
            mb(self.growth()),
            mb(self.start_rss),
            if self.reset {
                " reset at the start"
            } else {
                " of the whole process: clear_refs refused"
            }
        )
    }
}

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .unwrap_or(0)
}

/// Starts a measured part: resets the peak and notes the resident set.
pub fn start() -> Peak {
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    Peak {
        start_rss: status_kib("VmRSS:") * 1024,
        peak_rss: 0,
        reset,
    }
}

/// Ends a measured part begun with [`start`].
pub fn finish(mut p: Peak) -> Peak {
    p.peak_rss = status_kib("VmHWM:") * 1024;
    p
}
