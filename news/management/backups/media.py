"""The media of a backup: the checksum of every file under MEDIA_ROOT, and the media archive
checked entry by entry against the manifest before anything is unpacked."""

import tarfile
from pathlib import Path, PurePosixPath

from news.management.backups.manifest import MEDIA, file_digest, refuse, sha256


def media_hashes(root):
    root = Path(root)
    if not root.is_dir():
        return {}
    return {
        str(path.relative_to(root)): sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def media_entry(member):
    """The path under MEDIA_ROOT a tar entry names ("" for the archive's root), or None for
    an entry that is not a plain file or folder inside it."""
    if not (member.isfile() or member.isdir()):
        return None
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts:
        return None
    return str(PurePosixPath(*[part for part in path.parts if part != "."]))


def check_media(folder, manifest):
    """Every entry of the media archive is a plain file or folder inside MEDIA_ROOT, each
    file listed in the manifest with its checksum, and each listed file present."""
    expected = manifest["media"]
    seen = set()
    try:
        with tarfile.open(Path(folder) / MEDIA, "r:gz") as archive:
            for member in archive:
                path = media_entry(member)
                if path is None:
                    refuse(folder, f"{MEDIA} holds {member.name!r}, not a file inside MEDIA_ROOT.")
                if not member.isfile():
                    continue
                if path not in expected:
                    refuse(folder, f"{MEDIA} holds {path}, which the manifest does not list.")
                if file_digest(archive.extractfile(member)) != expected[path]:
                    refuse(folder, f"{path} in {MEDIA} is not the file the manifest lists.")
                seen.add(path)
    except (tarfile.TarError, OSError, EOFError) as error:
        refuse(folder, f"{MEDIA} cannot be read ({error}).")
    missing = sorted(set(expected) - seen)
    if missing:
        refuse(folder, f"{MEDIA} lacks {len(missing)} listed files (first: {missing[0]}).")
