"""The packs installed in this data folder as the store records them: ``store.packs`` registers a pack (id,
version, title, folder), lists, enables, disables and removes it. The pack files themselves are the
pack library's (:mod:`quizapp.services.library`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import delete, select, true, update

from quizapp.progress import schema as t
from quizapp.progress.concurrency import retrying
from quizapp.progress.database import Database
from quizapp.progress.errors import NotFoundError
from quizapp.progress.records import PackRecord, utc_now
from quizapp.progress.rows import to_pack
from quizapp.progress.values import check_slug, check_version


class Packs:
    """``store.packs``: the installed packs' records."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @retrying
    def register_pack(
        self,
        pack_id: str,
        version: str,
        title: Mapping[str, str],
        folder: Path | str,
        *,
        enabled: bool = True,
    ) -> PackRecord:
        """Add or update an installed pack (keeps ``installed_at`` of an earlier install of the same id)."""
        check_slug(pack_id, "pack id")
        check_version(version)
        now = utc_now()
        title_json = json.dumps(dict(title), ensure_ascii=False, sort_keys=True)
        with self._db.write() as conn:
            values = {"version": version, "title": title_json, "folder": str(folder), "enabled": enabled}
            # an upsert that keeps installed_at: two PCs may install the same pack at once
            conn.execute(self._db.upsert_pack, {"id": pack_id, "installed_at": now, **values})
            return to_pack(conn.execute(select(t.packs).where(t.packs.c.id == pack_id)).one())

    def list_packs(self, *, enabled_only: bool = False) -> list[PackRecord]:
        query = select(t.packs).order_by(t.packs.c.id)
        if enabled_only:
            query = query.where(t.packs.c.enabled == true())
        with self._db.read() as conn:
            return [to_pack(r) for r in conn.execute(query)]

    def get_pack(self, pack_id: str) -> PackRecord | None:
        with self._db.read() as conn:
            row = conn.execute(select(t.packs).where(t.packs.c.id == pack_id)).first()
            return None if row is None else to_pack(row)

    def set_pack_enabled(self, pack_id: str, enabled: bool) -> PackRecord:
        with self._db.write() as conn:
            result = conn.execute(update(t.packs).where(t.packs.c.id == pack_id).values(enabled=enabled))
            if result.rowcount == 0:
                raise NotFoundError(f"There is no installed pack with id {pack_id}.")
            return to_pack(conn.execute(select(t.packs).where(t.packs.c.id == pack_id)).one())

    def remove_pack(self, pack_id: str) -> None:
        """Forget a pack (learners' answers to it are kept)."""
        with self._db.write() as conn:
            conn.execute(delete(t.packs).where(t.packs.c.id == pack_id))
