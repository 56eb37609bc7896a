#!/usr/bin/env bash
# `make publish` (README.md, "Publishing"): each language of the site built for publication (--production:
# an incomplete legal notice stops it) with --compress into its
# own folder, packed into one archive ready to upload, with a checksum manifest beside the archives.
#
#   PUBLISH_DIR/fr/                    the French site as built (kept: the next publish rewrites only what changed)
#   PUBLISH_DIR/cleiss-site-fr.tar.gz  the same files, to unpack at the root of the French host
#   PUBLISH_DIR/SHA256SUMS             `sha256sum -c SHA256SUMS` checks the archives after the upload
#
# The archives are byte for byte the same for the same sources: names sorted, every date 0, owner
# and group 0, modes 644 and 755, gzip without name or time. The build's marker file is left out.
#
# Environment: CLEISS_SITE (the binary), PUBLISH_LANG (default "fr en"), PUBLISH_DIR (default
# Publish), BASE_URL_FR, BASE_URL_EN… (the public address of each language; site.yml's when empty),
# SOURCE (the site's root, default .).
set -euo pipefail

binary=${CLEISS_SITE:?give the cleiss-site binary in CLEISS_SITE}
source=${SOURCE:-.}
publish=${PUBLISH_DIR:-Publish}
languages=${PUBLISH_LANG:-fr en}

mkdir -p "$publish"
archives=()
for language in $languages; do
    base_url_variable="BASE_URL_${language^^}"
    base_url=${!base_url_variable:-}
    echo "publish: $language${base_url:+ at $base_url}"
    "$binary" build --source "$source" --output "$publish/$language" --lang "$language" ${base_url:+--base-url "$base_url"} --compress --strict --production
    archive="cleiss-site-$language.tar.gz"
    tar --create --format=gnu --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --mode=u=rwX,go=rX \
        --exclude=./.cleiss-site-output --directory "$publish/$language" . | gzip -9 -n > "$publish/$archive.partial"
    mv "$publish/$archive.partial" "$publish/$archive"
    archives+=("$archive")
done
(cd "$publish" && sha256sum "${archives[@]}" > SHA256SUMS)
echo "publish: $(printf '%s ' "${archives[@]}")and SHA256SUMS in $publish"
