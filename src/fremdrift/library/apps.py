from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "fremdrift.library"
    verbose_name = _("Case library")

    def ready(self):
        from fremdrift import audit
        from fremdrift.core.demo import DEMO_LOADERS

        from . import demo
        from .models import Case, CaseContact, KnowledgeComment, KnowledgePost, Nomination, Reuse

        audit.register(Case, organisation=lambda case: case.organisation)
        # Contact details are personal data: the trail keeps that a contact changed, not who it is.
        audit.register(
            CaseContact,
            organisation=lambda contact: contact.case.organisation,
            exclude={"name", "role", "email", "phone", "organisation_name"},
        )
        audit.register(Nomination, organisation=lambda nomination: nomination.case.organisation)
        audit.register(KnowledgePost, organisation=lambda post: post.organisation)
        audit.register(KnowledgeComment, organisation=lambda comment: comment.post.organisation)
        audit.register(Reuse, organisation=lambda reuse: reuse.organisation)
        DEMO_LOADERS.append(demo.load)
