#!/usr/bin/env bash
# socketdeployer-gate.sh: wait for a decision in Slack before a pipeline changes production, on a host
# that has only the AWS CLI (v2). The same contract as `socketdeployer gate`:
#
#   socketdeployer-gate.sh <service> --summary TEXT [--link URL] [--requested-by ID|EMAIL] [--timeout T]
#
# starts the gate document (infra/gate.yaml), which SocketDeployer announces in the service's Slack
# channel, and waits. Exit codes: 0 approved, 1 rejected, 3 timed out or cancelled (also when Ctrl-C
# or SIGTERM stops the wait; the gate stays open and the script says how to cancel it), 2 on an error.
# T is seconds or 30m / 1h / 1h30m; without it the document's own approval timeout decides.
#
# The document and its pinned version are Deploy:Gate:Document / Deploy:Gate:DocumentVersion, read
# from the environment as the daemon reads them (Deploy__Gate__Document, Deploy__Gate__DocumentVersion).
# Credentials and region are the AWS CLI's own (AWS_PROFILE, AWS_REGION, the instance role, ...);
# Aws__Region is honoured too. Needs: ssm:StartAutomationExecution, GetAutomationExecution,
# ListTagsForResource, StopAutomationExecution (the PipelinePolicy of infra/gate.yaml).
set -u -o pipefail

document="${Deploy__Gate__Document:-SocketDeployer-Gate}"
version="${Deploy__Gate__DocumentVersion:-1}"
if [[ -n "${Aws__Region:-}" ]]; then
  export AWS_REGION="$Aws__Region"
fi

usage() {
  echo "usage: $0 <service> --summary TEXT [--link URL] [--requested-by ID|EMAIL] [--timeout T]" >&2
  exit 2
}

fail() {
  echo "socketdeployer-gate: $*" >&2
  exit 2
}

# JSON string: backslash, quote and control characters escaped (a summary may hold anything).
json_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}

seconds_of() {
  local t=$1 total=0
  if [[ $t =~ ^[0-9]+$ ]]; then
    echo "$t"
    return 0
  fi
  [[ $t =~ ^([0-9]+h)?([0-9]+m)?([0-9]+s)?$ && -n $t ]] || return 1
  [[ $t =~ ([0-9]+)h ]] && total=$((total + BASH_REMATCH[1] * 3600))
  [[ $t =~ ([0-9]+)m ]] && total=$((total + BASH_REMATCH[1] * 60))
  [[ $t =~ ([0-9]+)s ]] && total=$((total + BASH_REMATCH[1]))
  echo "$total"
}

service="" summary="" link="" requested_by="" timeout=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --summary) [[ $# -ge 2 ]] || usage; summary=$2; shift 2 ;;
    --link) [[ $# -ge 2 ]] || usage; link=$2; shift 2 ;;
    --requested-by) [[ $# -ge 2 ]] || usage; requested_by=$2; shift 2 ;;
    --timeout) [[ $# -ge 2 ]] || usage; timeout=$2; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "socketdeployer-gate: unknown argument '$1'" >&2; usage ;;
    *) [[ -z $service ]] || usage; service=$1; shift ;;
  esac
done
[[ -n $service ]] || usage
[[ -n $summary ]] || fail "--summary TEXT is required (what the approvers are asked to allow)"
command -v aws >/dev/null || fail "the AWS CLI (aws) is not installed"
deadline=""
if [[ -n $timeout ]]; then
  seconds=$(seconds_of "$timeout") || fail "--timeout '$timeout' is not seconds or a duration like 30m, 1h30m"
  deadline=$(($(date +%s) + seconds))
fi

parameters="{\"Service\":[$(json_string "$service")],\"Summary\":[$(json_string "$summary")]"
[[ -n $link ]] && parameters+=",\"Link\":[$(json_string "$link")]"
[[ -n $requested_by ]] && parameters+=",\"RequestedBy\":[$(json_string "$requested_by")]"
parameters+="}"

# No socketdeployer tags: the daemon recognises an execution it did not start and announces it.
id=$(aws ssm start-automation-execution --document-name "$document" --document-version "$version" \
  --parameters "$parameters" --query AutomationExecutionId --output text) || fail "could not start $document v$version; nothing was started"

cancel_hint="To cancel it: aws ssm stop-automation-execution --automation-execution-id $id --type Cancel   (or in Slack: @deploybot cancel $id)"
echo "Gate $id started for $service: waiting for a decision in Slack."
echo "$cancel_hint"

stopped() {
  echo "Stopped waiting; gate $id is still open in Slack." >&2
  echo "$cancel_hint" >&2
  exit 3
}
trap stopped INT TERM

decided_by() {
  local who=""
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    who=$(aws ssm list-tags-for-resource --resource-type Automation --resource-id "$id" \
      --query "TagList[?Key=='socketdeployer:decided-by'].Value | [0]" --output text 2>/dev/null) || who=""
    [[ -n $who && $who != None ]] && break
    who=""
    sleep 1
  done
  # name=ID pairs, as the daemon tags them: "bob=U0BOB" reads "bob (U0BOB)".
  local out="" person
  for person in $who; do
    if [[ $person == *=* ]]; then person="${person%=*} (${person##*=})"; fi
    out+="${out:+, }${person//_/ }"
  done
  echo "$out"
}

interval=1 failures=0
while true; do
  if status=$(aws ssm get-automation-execution --automation-execution-id "$id" \
    --query AutomationExecution.AutomationExecutionStatus --output text); then
    failures=0
  else
    # The CLI retries throttling itself; five refusals in a row are not transient.
    failures=$((failures + 1))
    [[ $failures -lt 5 ]] || { echo "socketdeployer-gate: lost track of gate $id" >&2; echo "$cancel_hint" >&2; exit 2; }
    status="unknown"
  fi
  case $status in
    Success | CompletedWithSuccess | Approved)
      who=$(decided_by)
      if [[ -n $who ]]; then echo "Approved in Slack by $who."; else echo "Approved outside Slack: no Slack decision recorded."; fi
      exit 0 ;;
    Failed | CompletedWithFailure | Rejected)
      approval=$(aws ssm get-automation-execution --automation-execution-id "$id" \
        --query "AutomationExecution.StepExecutions[?Action=='aws:approve'].StepStatus | [0]" --output text) || approval=""
      if [[ $status == Rejected || $approval == Failed ]]; then
        who=$(decided_by)
        if [[ -n $who ]]; then echo "Rejected in Slack by $who."; else echo "Rejected outside Slack."; fi
        exit 1
      fi
      echo "The gate ended $status." >&2
      exit 2 ;;
    TimedOut) echo "The gate timed out without a decision."; exit 3 ;;
    Cancelled | Cancelling) echo "The gate was cancelled before a decision."; exit 3 ;;
  esac
  if [[ -n $deadline && $(date +%s) -ge $deadline ]]; then
    aws ssm stop-automation-execution --automation-execution-id "$id" --type Cancel >/dev/null ||
      echo "socketdeployer-gate: could not cancel $id" >&2
    echo "No decision within $timeout: gate $id cancelled."
    exit 3
  fi
  # Wait in the background so a signal is handled at once, not after the sleep.
  sleep "$interval" &
  wait $! || true
  interval=$((interval < 10 ? interval * 2 : 10))
done
