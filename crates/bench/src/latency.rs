//! Latency figures from every sample of a run (a sorted `Vec`, no sampling, no histogram crate).

use std::time::Duration;

#[derive(Clone, Copy, Debug, Default)]
pub struct Latency {
    pub n: usize,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
}

impl Latency {
    /// The nearest-rank percentiles of `samples` (all zero when there is none).
    pub fn of(mut samples: Vec<Duration>) -> Latency {
        if samples.is_empty() {
            return Latency::default();
        }
        samples.sort_unstable();
        let pick = |q: f64| {
            samples[((samples.len() as f64 * q).ceil() as usize).clamp(1, samples.len()) - 1]
        };
        Latency {
            n: samples.len(),
            p50: pick(0.50),
            p99: pick(0.99),
            max: samples[samples.len() - 1],
        }
    }
}

/// A duration in milliseconds with two decimals, for tables.
pub fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<Duration> = (1..=100).rev().map(Duration::from_millis).collect();
        let l = Latency::of(v);
        assert_eq!(l.n, 100);
        assert_eq!(l.p50, Duration::from_millis(50));
        assert_eq!(l.p99, Duration::from_millis(99));
        assert_eq!(l.max, Duration::from_millis(100));
        assert_eq!(
            Latency::of(vec![Duration::from_millis(7)]).p99,
            Duration::from_millis(7)
        );
        assert_eq!(Latency::of(Vec::new()).n, 0);
    }
}
