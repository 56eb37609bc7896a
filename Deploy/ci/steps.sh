#!/usr/bin/env bash
# The shell steps of the sample pipelines (Deploy/ci/gitlab-ci.yml, Deploy/ci/github-workflow.yml; README,
# "Publishing"), one per call, so that a pipeline's job and a person at a terminal run the same thing
# (Tests/EndToEnd/test_ci_samples.py runs them too):
#
#   Deploy/ci/steps.sh setup         `make deps python-deps build`: what `make site` and `make test` do first
#                                    (make and python3 installed first where the image lacks them)
#   Deploy/ci/steps.sh check-github  the charter as GitHub workflow commands (annotations); exit 1 on an error
#   Deploy/ci/steps.sh check-gitlab  the charter as GitLab's Code Quality report, gl-code-quality-report.json;
#                                    exit 1 on an error, the report written all the same
#   Deploy/ci/steps.sh check-sarif   the charter as SARIF 2.1.0, cleiss-site.sarif; fails only when check cannot run
#   Deploy/ci/steps.sh links         `check --links`: every internal link, anchor and language version
#   Deploy/ci/steps.sh publish       `make publish`: each language for its host; archives and SHA256SUMS in Publish/
#   Deploy/ci/steps.sh deploy        the archives checked, uploaded to FR_HOST and EN_HOST, each release switched in one rename
#
# check-github, check-gitlab and links exit as `cleiss-site check` does: 1 when a finding is an error (what `build --strict`
# refuses), 2 when check cannot run. Reports are written in the current folder.
#
# Environment:
#   CLEISS_SITE           the binary (.build/debug/cleiss-site of this repository by default)
#   SOURCE                the site's root (this repository by default)
#   BASE_URL_FR, BASE_URL_EN, PUBLISH_LANG, PUBLISH_DIR   as for `make publish` (PUBLISH_DIR: ./Publish)
#   FR_HOST, EN_HOST      deploy: each language's ssh destination (user@host)
#   SSH_PRIVATE_KEY, SSH_KNOWN_HOSTS   deploy: the key and the hosts' public keys, each the text or a file's path
#   DEPLOY_ROOT           deploy: the folder on the hosts that holds incoming/, releases/ and the `site` link
#                         that nginx's root names (/srv/cleiss by default)
set -euo pipefail

repository=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
binary=$(realpath -m "${CLEISS_SITE:-$repository/.build/debug/cleiss-site}")
source=$(realpath -m "${SOURCE:-$repository}")
reports=$(pwd)
publish_dir=$(realpath -m "${PUBLISH_DIR:-Publish}")
# The Python tools of `make python-deps` first on the PATH, as the Makefile does: the build finds Pagefind there.
export PATH="$repository/.venv/bin:$PATH"

# `check` run from the site's root, so that findings name files as the repository does and the
# platforms place them on the right lines. Exit 2 (check could not run) is always a failure.
check() {
    (cd "$source" || exit 2; "$binary" check "$@")
}

# check's exit status, except that findings (1) are accepted: for reports that show findings
# without deciding whether the pipeline fails.
report_only() {
    local status=0
    "$@" || status=$?
    if [ "$status" -gt 1 ]; then return "$status"; fi
}

# A command that a bare CI image may lack (the swift images have no make): its Debian package
# installed when it is absent, as the Makefile installs the others.
install_if_missing() {
    command -v "$1" > /dev/null && return
    local sudo=
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2"
}

# A secret given as its text or as a file's path (GitLab's "File" variables): the path of a file holding
# it, in the folder `secrets` that deploy removes at the end.
secret_file() {
    if [ -f "$2" ]; then
        echo "$2"
    else
        (umask 077 && printf '%s\n' "$2" > "$secrets/$1")
        echo "$secrets/$1"
    fi
}

deploy() {
    local fr_host=${FR_HOST:?give the ssh destination of the French host in FR_HOST}
    local en_host=${EN_HOST:?give the ssh destination of the English host in EN_HOST}
    local root=${DEPLOY_ROOT:-/srv/cleiss}
    install_if_missing ssh openssh-client
    secrets=$(mktemp -d)
    trap 'rm -rf "$secrets"' EXIT
    local options=(-o BatchMode=yes)
    [ -z "${SSH_PRIVATE_KEY:-}" ] || options+=(-i "$(secret_file key "$SSH_PRIVATE_KEY")")
    [ -z "${SSH_KNOWN_HOSTS:-}" ] || options+=(-o "UserKnownHostsFile=$(secret_file known_hosts "$SSH_KNOWN_HOSTS")")
    # What was built is what is uploaded: the archives are checked against the manifest first.
    (cd "$publish_dir" && sha256sum -c SHA256SUMS)
    local language host
    for pair in "fr $fr_host" "en $en_host"; do
        read -r language host <<< "$pair"
        echo "deploy: $language to $host"
        scp "${options[@]}" "$publish_dir/cleiss-site-$language.tar.gz" "$publish_dir/SHA256SUMS" "$host:$root/incoming/"
        # On the host: the archive checked again, unpacked into a folder named after its checksum, and
        # the link that nginx's root names switched to it in one rename (visitors never see half a
        # site; the previous release stays for going back).
        ssh "${options[@]}" "$host" "set -e; cd '$root'; (cd incoming && sha256sum -c --ignore-missing SHA256SUMS)
            release=releases/\$(sha256sum incoming/cleiss-site-$language.tar.gz | cut -c1-12); mkdir -p \$release
            tar -xzf incoming/cleiss-site-$language.tar.gz -C \$release; ln -sfn \$release site.next; mv -T site.next site
            nginx -t && nginx -s reload"
    done
}

step=${1:?"usage: $0 setup|check-github|check-gitlab|check-sarif|links|publish|deploy"}
case $step in
    setup)
        install_if_missing make make
        install_if_missing python3 python3
        make -C "$repository" --no-print-directory deps python-deps build ;;
    check-github)
        check --format github ;;
    check-gitlab)
        check --format gitlab > "$reports/gl-code-quality-report.json" ;;
    check-sarif)
        report_only check --format sarif > "$reports/cleiss-site.sarif" ;;
    links)
        check --links ;;
    publish)
        # deps, python-deps and build are the setup step's: the binary in CLEISS_SITE is the one published.
        make -C "$repository" --no-print-directory -o deps -o python-deps -o build publish BIN="$binary" \
            SOURCE="$source" PUBLISH_DIR="$publish_dir" BASE_URL_FR="${BASE_URL_FR:-}" BASE_URL_EN="${BASE_URL_EN:-}" ;;
    deploy)
        deploy ;;
    *)
        echo "$0: unknown step '$step' (setup, check-github, check-gitlab, check-sarif, links, publish, deploy)" >&2
        exit 2 ;;
esac
