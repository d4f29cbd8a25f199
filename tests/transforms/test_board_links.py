"""Board discovery: every ATS link form we read, normalised, and the links that are not boards."""

from __future__ import annotations

from transforms.board_links import BoardRef, board_of_url, count_by_family, find_boards

# A hand-written HN-style comment and an HTML posting carrying every link form.
HN_COMMENT = """Acme Robotics | Prompt Engineer | Remote (US) | $150k-$190k
Apply: https://boards.greenhouse.io/AcmeRobotics/jobs/4012345?gh_src=hn
Also hiring in Berlin: https://job-boards.eu.greenhouse.io/acme-eu/jobs/77 and
https://job-boards.greenhouse.io/fjordsystems. Our sister team: jobs.lever.co/Northwind/3dd4a880-d804
(EU roles: https://jobs.eu.lever.co/nordlys/1a99d7a7?lever-source=hn)
Ashby: [apply](https://jobs.ashbyhq.com/Quillon/52624a4e-33e3?src=hn), or
https://apply.workable.com/tessellate/j/8ADBB3795A/ and jobs.smartrecruiters.com/Kestrel1/7440001-lead
Big co: https://orbitbank.wd5.myworkdayjobs.com/en-US/Orbit_Careers/job/NYC/Analyst_R123
and https://lumen.wd103.myworkdayjobs.com/Lumen-Careers
EU: https://parfait.recruitee.com/o/analytics-engineer, https://brezel.jobs.personio.de/job/123,
https://kantig.jobs.personio.com/ https://woodland.bamboohr.com/careers/174?source=aWQ9
https://caribou-games.breezy.hr/p/0764568c8521-ai-engineer
"""

POSTING_HTML = (
    '<p>Apply <a href="https://boards.greenhouse.io/embed/job_app?for=Helio&amp;token=55">'
    "here</a>; board: "
    '<a href="https://boards.greenhouse.io/embed/job_board?for=helio">all jobs</a>.</p>'
    '<iframe src="https://api.ashbyhq.com/posting-api/job-board/quillon"></iframe>'
)

NOT_BOARDS = """Powered by https://www.greenhouse.io/ and https://www.greenhouse.io/careers/open-roles
(see greenhouse.io/blog), https://jobs.lever.co/ and jobs.lever.co, https://www.lever.co/pricing,
https://jobs.ashbyhq.com/acme$corp/1, https://jobs.lever.co/foo%20bar, https://www.ashbyhq.com/blog,
https://apply.workable.com/j/8ADBB3795A, https://jobs.workable.com/search, https://www.bamboohr.com/pricing,
https://www.breezy.hr/, https://app.recruitee.com/login, https://acme.personio.de/login,
https://www.myworkdayjobs.com/, https://boards.greenhouse.io/embed/job_app?token=55,
https://notgreenhouse.io/acme, https://greenhouse.io.evil.example/acme
"""


def test_every_link_form_is_found_and_normalised():
    refs = find_boards(HN_COMMENT)
    assert refs == [
        BoardRef("greenhouse", "acmerobotics"),
        BoardRef("greenhouse", "acme-eu", "eu"),
        BoardRef("greenhouse", "fjordsystems"),
        BoardRef("lever", "northwind"),
        BoardRef("lever", "nordlys", "eu"),
        BoardRef("ashby", "quillon"),
        BoardRef("workable", "tessellate"),
        BoardRef("smartrecruiters", "kestrel1"),
        BoardRef("workday", "orbitbank.wd5", "Orbit_Careers"),
        BoardRef("workday", "lumen.wd103", "Lumen-Careers"),
        BoardRef("recruitee", "parfait"),
        BoardRef("personio", "brezel"),
        BoardRef("personio", "kantig"),
        BoardRef("bamboohr", "woodland"),
        BoardRef("breezy", "caribou-games"),
    ]


def test_embed_links_in_html_are_read_for_their_board():
    assert find_boards(POSTING_HTML) == [
        BoardRef("greenhouse", "helio"),
        BoardRef("ashby", "quillon"),
    ]


def test_marketing_pages_tokenless_and_invalid_links_are_not_boards():
    assert find_boards(NOT_BOARDS) == []


def test_one_board_linked_many_ways_is_one_board():
    text = (
        "https://jobs.lever.co/northwind/1 https://JOBS.LEVER.CO/Northwind/2?x=y "
        "https://api.lever.co/v0/postings/northwind?mode=json jobs.lever.co/northwind."
    )
    assert find_boards(text, "https://jobs.lever.co/northwind") == [BoardRef("lever", "northwind")]


def test_workday_sites_of_one_tenant_are_different_boards_and_keep_their_case():
    refs = find_boards(
        "https://orbitbank.wd5.myworkdayjobs.com/Orbit_Careers "
        "https://orbitbank.wd5.myworkdayjobs.com/wday/cxs/orbitbank/Campus/jobs "
        "https://orbitbank.wd5.myworkdayjobs.com/orbit_careers/job/x"
    )
    assert refs == [
        BoardRef("workday", "orbitbank.wd5", "Orbit_Careers"),
        BoardRef("workday", "orbitbank.wd5", "Campus"),
    ]
    assert refs[0].board == "orbitbank.wd5.Orbit_Careers"


def test_percent_encoded_redirect_links_are_read():
    text = "https://click.example/r?u=https%3A%2F%2Fjobs.ashbyhq.com%2Fnimbus%2Fabc"
    assert find_boards(text) == [BoardRef("ashby", "nimbus")]


def test_api_urls_and_single_urls():
    assert board_of_url("https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true") == (
        BoardRef("greenhouse", "acme")
    )
    assert board_of_url("apply.workable.com/api/v1/widget/accounts/tessellate") == BoardRef(
        "workable", "tessellate"
    )
    assert board_of_url("https://api.smartrecruiters.com/v1/companies/Kestrel1/postings") == (
        BoardRef("smartrecruiters", "kestrel1")
    )
    assert board_of_url("https://example.com/jobs") is None
    assert board_of_url("") is None


def test_texts_without_any_board_domain_and_none_are_skipped():
    assert find_boards(None, "", "We use Lever and Greenhouse internally.") == []


def test_count_by_family_names_every_family():
    counts = count_by_family(find_boards(HN_COMMENT, POSTING_HTML))
    assert counts["greenhouse"] == 4 and counts["personio"] == 2 and counts["workday"] == 2
    assert set(counts) >= {"recruitee", "breezy", "bamboohr"}
    assert sum(counts.values()) == 16
