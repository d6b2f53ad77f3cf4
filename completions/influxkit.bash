#!/bin/bash

__influxkit_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__influxkit_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__influxkit_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__influxkit_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_influxkit() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __influxkit_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    shell|ping|query|write|export|copy|db|user|rp|grant|config|help)
        # Offer subcommand argument completions
        "_influxkit_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'shell ping query write export copy db user rp grant config help' -- "${cur}"))
        ;;
    esac
}

_influxkit_shell() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --pretty --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries --format --precision)
    __influxkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--format')
        __influxkit_add_completions -W 'column'$'\n''table'$'\n''csv'$'\n''json'$'\n''jsonl'$'\n''vertical'$'\n''chart'$'\n''svg'
        return
        ;;
    '--precision')
        __influxkit_add_completions -W 'ns'$'\n''u'$'\n''ms'$'\n''s'$'\n''m'$'\n''h'
        return
        ;;
    esac
}

_influxkit_ping() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac
}

_influxkit_query() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --chunked --no-chunked --timing --pretty --version -h --help)
    repeating_options=(--param)
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries -f --file --format --epoch --width --height --tz --chunk-size)
    __influxkit_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '-f'|'--file')
        __influxkit_add_completions -f
        return
        ;;
    '--format')
        return
        ;;
    '--epoch')
        __influxkit_add_completions -W 'ns'$'\n''u'$'\n''ms'$'\n''s'$'\n''m'$'\n''h'
        return
        ;;
    '--width')
        return
        ;;
    '--height')
        return
        ;;
    '--tz')
        return
        ;;
    '--chunk-size')
        return
        ;;
    '--param')
        return
        ;;
    esac
}

_influxkit_write() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --server-timestamps --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries --format --measurement --measurement-column --tag-columns --time-column --time-format --field-types --precision --consistency --batch-size --connections --errors-file --progress --rate-limit --checkpoint)
    __influxkit_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--format')
        __influxkit_add_completions -W 'lp'$'\n''json'$'\n''csv'
        return
        ;;
    '--measurement')
        return
        ;;
    '--measurement-column')
        return
        ;;
    '--tag-columns')
        return
        ;;
    '--time-column')
        return
        ;;
    '--time-format')
        __influxkit_add_completions -W 'auto'$'\n''rfc3339'$'\n''epoch-s'$'\n''epoch-ms'$'\n''epoch-us'$'\n''epoch-ns'
        return
        ;;
    '--field-types')
        return
        ;;
    '--precision')
        __influxkit_add_completions -W 'ns'$'\n''u'$'\n''ms'$'\n''s'$'\n''m'$'\n''h'
        return
        ;;
    '--consistency')
        __influxkit_add_completions -W 'any'$'\n''one'$'\n''quorum'$'\n''all'
        return
        ;;
    '--batch-size')
        return
        ;;
    '--connections')
        return
        ;;
    '--errors-file')
        __influxkit_add_completions -f
        return
        ;;
    '--progress')
        __influxkit_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--rate-limit')
        return
        ;;
    '--checkpoint')
        __influxkit_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __influxkit_add_completions -f
        return
        ;;
    esac
}

_influxkit_export() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --version -h --help)
    repeating_options=(--measurement)
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries --measurement-regex --start --end --where --slice --parallel -o --output --compress --format --precision --checkpoint --progress)
    __influxkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--measurement')
        return
        ;;
    '--measurement-regex')
        return
        ;;
    '--start')
        return
        ;;
    '--end')
        return
        ;;
    '--where')
        return
        ;;
    '--slice')
        return
        ;;
    '--parallel')
        return
        ;;
    '-o'|'--output')
        __influxkit_add_completions -f
        return
        ;;
    '--compress')
        __influxkit_add_completions -W 'gzip'$'\n''none'
        return
        ;;
    '--format')
        __influxkit_add_completions -W 'lp'$'\n''import'
        return
        ;;
    '--precision')
        __influxkit_add_completions -W 'ns'$'\n''u'$'\n''ms'$'\n''s'$'\n''m'$'\n''h'
        return
        ;;
    '--checkpoint')
        __influxkit_add_completions -f
        return
        ;;
    '--progress')
        __influxkit_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_influxkit_copy() {
    repeating_flags=()
    non_repeating_flags=(--unsafe-ssl --no-proxy --gzip --verbose -v --create --include-strings --verify --verify-only --version -h --help)
    repeating_options=(--measurement)
    non_repeating_options=(--from --from-profile --from-username --from-password --from-token --from-auth-scheme --to --to-profile --to-username --to-password --to-token --to-auth-scheme --ca-cert --client-cert --client-key --proxy --timeout --retries --database -d --rp --measurement-regex --start --end --where --slice --parallel --to-database --to-rp --checkpoint --batch-size --connections --progress)
    __influxkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--from-profile')
        return
        ;;
    '--from-username')
        return
        ;;
    '--from-password')
        return
        ;;
    '--from-token')
        return
        ;;
    '--from-auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '--to')
        return
        ;;
    '--to-profile')
        return
        ;;
    '--to-username')
        return
        ;;
    '--to-password')
        return
        ;;
    '--to-token')
        return
        ;;
    '--to-auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--measurement')
        return
        ;;
    '--measurement-regex')
        return
        ;;
    '--start')
        return
        ;;
    '--end')
        return
        ;;
    '--where')
        return
        ;;
    '--slice')
        return
        ;;
    '--parallel')
        return
        ;;
    '--to-database')
        return
        ;;
    '--to-rp')
        return
        ;;
    '--checkpoint')
        __influxkit_add_completions -f
        return
        ;;
    '--batch-size')
        return
        ;;
    '--connections')
        return
        ;;
    '--progress')
        __influxkit_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_influxkit_db() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __influxkit_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|create|drop)
        # Offer subcommand argument completions
        "_influxkit_db_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list create drop' -- "${cur}"))
        ;;
    esac
}

_influxkit_db_list() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries --format)
    __influxkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--format')
        __influxkit_add_completions -W 'column'$'\n''table'$'\n''csv'$'\n''json'$'\n''jsonl'$'\n''vertical'$'\n''chart'$'\n''svg'
        return
        ;;
    esac
}

_influxkit_db_create() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --if-not-exists --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries --duration --replication --shard-duration --rp-name)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--duration')
        return
        ;;
    '--replication')
        return
        ;;
    '--shard-duration')
        return
        ;;
    '--rp-name')
        return
        ;;
    esac
}

_influxkit_db_drop() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --if-exists --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac
}

_influxkit_user() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __influxkit_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|create|drop|password|grant-admin|revoke-admin)
        # Offer subcommand argument completions
        "_influxkit_user_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list create drop password grant-admin revoke-admin' -- "${cur}"))
        ;;
    esac
}

_influxkit_user_list() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries --format)
    __influxkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--format')
        __influxkit_add_completions -W 'column'$'\n''table'$'\n''csv'$'\n''json'$'\n''jsonl'$'\n''vertical'$'\n''chart'$'\n''svg'
        return
        ;;
    esac
}

_influxkit_user_create() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --admin --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac
}

_influxkit_user_drop() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac
}

_influxkit_user_password() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac
}

_influxkit_user_grant-admin() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac
}

_influxkit_user_revoke-admin() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac
}

_influxkit_rp() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __influxkit_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|create|alter|drop)
        # Offer subcommand argument completions
        "_influxkit_rp_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list create alter drop' -- "${cur}"))
        ;;
    esac
}

_influxkit_rp_list() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries --format)
    __influxkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--format')
        __influxkit_add_completions -W 'column'$'\n''table'$'\n''csv'$'\n''json'$'\n''jsonl'$'\n''vertical'$'\n''chart'$'\n''svg'
        return
        ;;
    esac
}

_influxkit_rp_create() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --default --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries --duration --replication --shard-duration)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--duration')
        return
        ;;
    '--replication')
        return
        ;;
    '--shard-duration')
        return
        ;;
    esac
}

_influxkit_rp_alter() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --default --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries --duration --replication --shard-duration)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--duration')
        return
        ;;
    '--replication')
        return
        ;;
    '--shard-duration')
        return
        ;;
    esac
}

_influxkit_rp_drop() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac
}

_influxkit_grant() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __influxkit_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|add|revoke)
        # Offer subcommand argument completions
        "_influxkit_grant_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list add revoke' -- "${cur}"))
        ;;
    esac
}

_influxkit_grant_list() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries --format)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--format')
        __influxkit_add_completions -W 'column'$'\n''table'$'\n''csv'$'\n''json'$'\n''jsonl'$'\n''vertical'$'\n''chart'$'\n''svg'
        return
        ;;
    esac
}

_influxkit_grant_add() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __influxkit_add_completions -W 'read'$'\n''write'$'\n''all'
        return
        ;;
    esac
}

_influxkit_grant_revoke() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __influxkit_add_completions -W 'read'$'\n''write'$'\n''all'
        return
        ;;
    esac
}

_influxkit_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __influxkit_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|list|add|remove|use)
        # Offer subcommand argument completions
        "_influxkit_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show list add remove use' -- "${cur}"))
        ;;
    esac
}

_influxkit_config_show() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --ssl --unsafe-ssl --no-proxy --gzip --verbose -v --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --port --url --dsn --database -d --rp --username -u --password -p --token --auth-scheme -P --profile --ca-cert --client-cert --client-key --proxy --timeout --retries)
    __influxkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--url')
        return
        ;;
    '--dsn')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--password'|'-p')
        return
        ;;
    '--token')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '-P'|'--profile')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--proxy')
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    esac
}

_influxkit_config_list() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __influxkit_offer_flags_options 0
}

_influxkit_config_add() {
    repeating_flags=()
    non_repeating_flags=(--ssl --gzip --version -h --help)
    repeating_options=()
    non_repeating_options=(--url --host --port --username -u --database -d --rp --precision --format --ca-cert --client-cert --client-key --timeout --retries --auth-scheme --password-command --password-file)
    __influxkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--host')
        return
        ;;
    '--port')
        return
        ;;
    '--username'|'-u')
        return
        ;;
    '--database'|'-d')
        return
        ;;
    '--rp')
        return
        ;;
    '--precision')
        __influxkit_add_completions -W 'ns'$'\n''u'$'\n''ms'$'\n''s'$'\n''m'$'\n''h'
        return
        ;;
    '--format')
        return
        ;;
    '--ca-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-cert')
        __influxkit_add_completions -f
        return
        ;;
    '--client-key')
        __influxkit_add_completions -f
        return
        ;;
    '--timeout')
        return
        ;;
    '--retries')
        return
        ;;
    '--auth-scheme')
        __influxkit_add_completions -W 'token'$'\n''bearer'$'\n''basic'
        return
        ;;
    '--password-command')
        return
        ;;
    '--password-file')
        __influxkit_add_completions -f
        return
        ;;
    esac
}

_influxkit_config_remove() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __influxkit_offer_flags_options 1
}

_influxkit_config_use() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __influxkit_offer_flags_options 1
}

_influxkit_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __influxkit_offer_flags_options -1
}

complete -o filenames -F _influxkit influxkit
