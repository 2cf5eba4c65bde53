import pytest
from django.core.exceptions import ValidationError

from factories import make_organisation
from fremdrift.organisations.models import Organisation
from fremdrift.organisations.models import OrganisationKind as K

pytestmark = [pytest.mark.foundation, pytest.mark.django_db]


def test_path_follows_the_parents():
    municipality = make_organisation("Kommune")
    administration = make_organisation("Forvaltning", K.ADMINISTRATION, municipality)
    unit = make_organisation("Enhed", K.UNIT, administration)
    assert unit.path == f"/{municipality.pk}/{administration.pk}/{unit.pk}/"
    assert [o.name for o in unit.ancestors()] == ["Kommune", "Forvaltning", "Enhed"]
    assert unit.is_within(municipality) and not municipality.is_within(unit)


def test_moving_a_department_moves_its_whole_subtree():
    first = make_organisation("Første kommune")
    second = make_organisation("Anden kommune")
    department = make_organisation("Afdeling", K.DEPARTMENT, first)
    unit = make_organisation("Enhed", K.UNIT, department)
    department.parent = second
    department.save()
    unit.refresh_from_db()
    assert unit.path.startswith(second.path)
    assert set(Organisation.objects.subtree_of([second])) == {second, department, unit}


def a_chain():
    municipality = make_organisation("Kommune")
    administration = make_organisation("Forvaltning", K.ADMINISTRATION, municipality)
    department = make_organisation("Afdeling", K.DEPARTMENT, administration)
    unit = make_organisation("Enhed", K.UNIT, department)
    return {o.kind: o for o in (municipality, administration, department, unit)}


@pytest.mark.parametrize(
    ("kind", "parent_kind"),
    [(K.TEAM, K.MUNICIPALITY), (K.ADMINISTRATION, K.UNIT), (K.MUNICIPALITY, K.MUNICIPALITY)],
)
def test_levels_stay_in_order(kind, parent_kind):
    parent = a_chain()[parent_kind]
    with pytest.raises(ValidationError):
        Organisation(name="Under", kind=kind, parent=parent).full_clean(exclude=["path"])


def test_only_top_levels_stand_alone():
    with pytest.raises(ValidationError):
        Organisation(name="Løs enhed", kind=K.UNIT).full_clean(exclude=["path"])


def test_a_unit_at_a_level_that_does_not_fit_is_refused_on_the_page(client_for, world):
    from django.urls import reverse

    lindely = Organisation.objects.get(name="Plejecenter Lindely")
    response = client_for("admin@nordfjord.demo").post(
        reverse("organisations:detail", args=[lindely.pk]),
        {"add_child": "", "child-name": "Nyt team", "child-kind": "department"},
    )
    assert response.status_code == 200
    assert response.context["child_form"].non_field_errors()
    assert not Organisation.objects.filter(name="Nyt team").exists()
