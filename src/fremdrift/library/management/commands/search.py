import json

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand

from fremdrift.library.search import search


class Command(BaseCommand):
    help = "Search the library (published cases and knowledge posts) and print the ranked titles."

    def add_arguments(self, parser):
        parser.add_argument("query")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--json", dest="as_json", action="store_true")

    def handle(self, *args, query, limit, as_json, **options):
        hits = search(AnonymousUser(), query, limit=limit)
        if as_json:
            self.stdout.write(
                json.dumps(
                    [
                        {
                            "title": h.title,
                            "kind": h.kind,
                            "score": h.score,
                            "id": h.document.case_id or h.document.knowledge_post_id,
                        }
                        for h in hits
                    ],
                    ensure_ascii=False,
                    indent=1,
                )
            )
            return
        for rank, hit in enumerate(hits, 1):
            self.stdout.write(f"{rank:3}. {hit.title}  ({hit.kind}, {hit.score})")
