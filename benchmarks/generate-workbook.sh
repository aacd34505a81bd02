#!/usr/bin/env bash
# Writes a large synthetic workbook: ACTIVITIES activities (default 20,000), 150 stages in 3
# processes, 40 personas, 30 needs — about 4.5 MB of YAML. Deterministic, so runs compare.
set -euo pipefail
activities=${1:-20000}
awk -v activities="$activities" 'BEGIN {
    srand(7)
    phases[0] = "awareness"; phases[1] = "consideration"; phases[2] = "decision"; phases[3] = "retention"; phases[4] = "expansion"
    roles[0] = "economic-buyer"; roles[1] = "technical-buyer"; roles[2] = "user"; roles[3] = "champion"; roles[4] = "influencer"
    kinds[0] = "content"; kinds[1] = "webinar"; kinds[2] = "case-study"; kinds[3] = "tool"; kinds[4] = "email"; kinds[5] = "event"
    print "lockstep: 1\nname: Large Benchmark Co\nplugins: [leads, stages, marketing]\n"
    print "strategy:\n  innovation: client business impact\n  value: total solution\n  brand: advisors\n  sales_role: trusted specialists\n"
    print "needs:"
    for (n = 1; n <= 30; n++) printf "  - id: need-%d\n    name: Customer need number %d\n", n, n
    print "\npersonas:"
    for (p = 1; p <= 40; p++) printf "  - id: persona-%d\n    name: Persona %d\n    role: %s\n    needs: [need-%d, need-%d]\n", p, p, roles[p % 5], (p % 30) + 1, ((p * 7) % 30) + 1
    print "\nteam:\n  sales_reps: 40\n  lead_gen_reps: 8\n"
    print "leads:\n  fields:\n    score: number\n    country: string\n  stages:\n    - id: mql\n      name: MQL\n      owner: marketing\n      criteria: score >= 50\n    - id: sql\n      name: SQL\n      owner: sales\n      criteria: mql and country in [\"US\", \"CA\"]\n      rejects_to: nurture\n      enters: process-1/stage-1\n  recycle:\n    - id: nurture\n      name: Nurture\n      owner: marketing\n      returns_to: mql\n"
    print "processes:"
    for (q = 1; q <= 3; q++) {
        printf "  - id: process-%d\n    name: Process %d\n    kind: %s\n    stages:\n", q, q, (q == 3 ? "customer" : "new")
        for (s = 1; s <= 50; s++) printf "      - id: stage-%d\n        name: Stage %d of process %d\n        owner: owner-%d\n        phase: %s\n        probability: %d\n        exit: [Criterion %d]\n", s, s, q, s % 7, phases[int((s - 1) / 10)], s + 10, s
    }
    print "\nactivities:"
    for (a = 1; a <= activities; a++) {
        printf "  - id: activity-%d\n    name: Activity number %d for the benchmark\n    kind: %s\n", a, a, kinds[a % 6]
        printf "    stages: [process-%d/stage-%d, process-%d/stage-%d]\n", (a % 3) + 1, (a % 50) + 1, ((a + 1) % 3) + 1, ((a * 3) % 50) + 1
        # The need answered is one its first persona carries, as a consistent model has it (MK012).
        printf "    personas: [persona-%d, persona-%d]\n    needs: [need-%d]\n", (a % 40) + 1, ((a * 7) % 40) + 1, (((a % 40) + 1) % 30) + 1
        printf "    kpi: Calls booked\n    reviewed: 2026-0%d-1%d\n", (a % 9) + 1, a % 10
    }
    print "\nfeedback:\n  - id: win-loss\n    name: Win/loss review\n    cadence: monthly"
}'
