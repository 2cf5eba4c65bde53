import pytest

from projects.conftest import BOARD, INNOVATION, LEAD

pytestmark = [pytest.mark.projects]


def test_every_project_page_renders_for_the_people_who_use_it(client_for, falls, falls_indicator):
    lead = client_for(LEAD)
    cycle = falls.pdsa_cycles.first()
    evaluation_url = f"/projects/{falls.pk}/evaluations/new/"
    for url in [
        "/projects/",
        "/projects/new/",
        f"/projects/{falls.pk}/",
        f"/projects/{falls.pk}/edit/challenge/",
        f"/projects/{falls.pk}/team/",
        f"/projects/pdsa/{cycle.pk}/",
        f"/projects/{falls.pk}/pdsa/new/?after={cycle.pk}",
        f"/projects/{falls.pk}/reports/new/",
        evaluation_url,
        f"/projects/{falls.pk}/business-case/",
        f"/projects/{falls.pk}/business-case/?edit=1",
        f"/measurement/indicators/{falls_indicator.pk}/",
        f"/measurement/indicators/{falls_indicator.pk}/?chart=c",
        f"/measurement/indicators/{falls_indicator.pk}/enter/",
        f"/measurement/indicators/{falls_indicator.pk}/import/",
        f"/measurement/indicators/{falls_indicator.pk}/export.csv",
        f"/measurement/indicators/{falls_indicator.pk}/export.xlsx",
        f"/measurement/indicators/{falls_indicator.pk}/chart.svg",
        f"/measurement/goals/{falls.goals.first().pk}/indicators/new/",
    ]:
        assert lead.get(url).status_code == 200, url
    board = client_for(BOARD)
    assert board.get(f"/projects/{falls.pk}/closing/").status_code == 200
    assert board.get("/projects/portfolio/").status_code == 200
    assert client_for(INNOVATION).get("/projects/portfolio/").status_code == 200
