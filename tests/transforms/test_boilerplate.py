"""Employer boilerplate across postings (transforms/boilerplate.py): a skill named only in
a sentence the employer repeats across its jobs is not the job's."""

from __future__ import annotations

from transforms.boilerplate import EmployerPosting, employer_boilerplate

# An "About us" paragraph that the section splitter cannot tell from the job's intro (it
# does not name the employer): only the employer's other postings show it is boilerplate.
ABOUT = (
    "Curious people build tools here that make public transit data easy to read. "
    "We care deeply about statistics and open data, and we publish what we learn."
)
STATS = ("statistics", "statistical analysis")


def posting(pid: str, title: str, duties: list[str], intro: str = ABOUT) -> EmployerPosting:
    bullets = "\n".join(f"- {d}" for d in duties)
    text = f"{intro}\n\nWhat you'll do\n{bullets}\n\nRequirements\n- 3+ years of experience"
    skills = {"statistics": STATS, "python": ("python",)}
    return EmployerPosting(pid, text, title, skills, company="Fernhill Labs")


def postings() -> list[EmployerPosting]:
    return [
        posting("f:1", "Frontend Engineer", ["Build our trip planner in TypeScript"]),
        posting("f:2", "Support Specialist", ["Answer riders' questions by email and chat"]),
        posting(
            "f:3",
            "Data Analyst",
            ["Run statistics on delay data with Python", "Write weekly reports"],
        ),
        posting("f:4", "Office Manager", ["Keep the office running"]),
        posting("f:5", "Designer", ["Design maps and signage"]),
    ]


def flagged(items: list[EmployerPosting]) -> set[tuple[str, str]]:
    return {(f.posting_id, f.skill_id) for f in employer_boilerplate(items)}


def test_skill_only_in_the_shared_about_paragraph_is_the_employers() -> None:
    flags = employer_boilerplate(postings())
    assert {(f.posting_id, f.skill_id) for f in flags} == {
        ("f:1", "statistics"),
        ("f:2", "statistics"),
        ("f:4", "statistics"),
        ("f:5", "statistics"),
    }
    first = flags[0]
    assert first.sentence.startswith("We care deeply about statistics")
    assert first.sentence_jobs == 5 and first.employer_jobs == 5
    assert "repeated in 5 of 5 jobs" in first.reason


def test_skill_also_in_the_duties_stays_the_jobs() -> None:
    assert ("f:3", "statistics") not in flagged(postings())
    assert ("f:3", "python") not in flagged(postings())


def test_three_postings_of_one_invented_employer() -> None:
    # Below MIN_POSTINGS jobs nothing is judged; with the threshold lowered to three, the
    # two postings that name the skill only in "About us" lose it, the third keeps it.
    three = postings()[:3]
    assert flagged(three) == set()
    found = {(f.posting_id, f.skill_id) for f in employer_boilerplate(three, min_postings=3)}
    assert found == {("f:1", "statistics"), ("f:2", "statistics")}


def test_one_job_posted_in_many_cities_is_one_job() -> None:
    # Five identical postings of one title: the text is that job's, not the employer's.
    same = [posting(f"c:{i}", "Data Analyst", ["Write weekly reports"]) for i in range(6)]
    assert flagged(same) == set()


def test_skill_in_the_title_or_a_unique_sentence_stays() -> None:
    items = postings()
    items[0] = posting("f:1", "Statistics Engineer", ["Build our trip planner"])
    items[1] = posting(
        "f:2", "Support Specialist", ["Answer riders"], intro=ABOUT + " We use statistics daily."
    )
    found = flagged(items)
    assert ("f:1", "statistics") not in found
    assert ("f:2", "statistics") not in found
    assert ("f:4", "statistics") in found


def test_repeated_list_items_and_short_lines_are_the_jobs() -> None:
    # The same requirement bullet in every posting is still a requirement of each job.
    items = [
        posting(f"r:{i}", f"Analyst {i}", ["Strong statistics background"], intro="Join us.")
        for i in range(6)
    ]
    assert flagged(items) == set()


def test_other_employers_text_is_not_compared() -> None:
    # The rule reads one employer's batch: a unique about paragraph repeats nothing.
    items = [
        posting(f"u:{i}", f"Role {i}", ["Do the work"], intro=f"Team {i} cares about statistics.")
        for i in range(6)
    ]
    assert flagged(items) == set()
