export interface StatusPhrases {
  /** On-chain proposal number from an explorer link or "on-chain proposal #231". */
  onChain: number | null;
  passed: string | null;
  rejected: string | null;
  withdrawn: string | null;
}

const EXPLORER = /\b(?:mintscan\.io\/akash\/proposals?|ping\.pub\/akash\/gov|explorer\.akash\.network\/proposals?|akash\.bigdipper\.live\/proposals?|bigdipper\.live\/akash\/proposals?|atomscan\.com\/akash\/proposals?|stats\.akash\.network\/proposals?|akash\.explorers\.guru\/proposal|console\.akash\.network\/proposals?|cloudmos\.io\/proposals?|akashscan\.\w+\/proposals?)\/(\d{1,5})\b/iu;
const NAMED_ONCHAIN = /\b(?:on[- ]?chain|governance|gov)\s+(?:proposal|prop)\s*(?:#|no\.?\s*|number\s*)?(\d{1,5})\b/iu;
const NUMBERED = /\bprop(?:osal)?\s*(?:#\s*|no\.?\s*|number\s+)(\d{1,5})\b/giu;
const CHAIN_CONTEXT = /\bon[- ]?chain\b|\bvot(?:e|es|ing)\b|\bgovernance\b|\bdeposit\b|\bvalidators?\b|\bquorum\b/iu;

const SUBJECT = String.raw`(?:proposal|prop|vote|voting|it|this|governance proposal)`;
const PASSED = new RegExp(
  String.raw`\b${SUBJECT}\s+(?:#?\d+\s+)?(?:has\s+|have\s+|had\s+)?(?:officially\s+|successfully\s+|now\s+|just\s+)?(?:passed|been approved|was approved|got approved|been accepted)\b|\bpassed on[- ]?chain\b|\b(?:approved|passed) by (?:the )?(?:community|governance|validators|vote|stakers)\b`,
  'iu',
);
const REJECTED = new RegExp(
  String.raw`\b${SUBJECT}\s+(?:#?\d+\s+)?(?:has\s+|was\s+|had\s+|got\s+)?(?:been\s+)?(?:rejected|declined|voted down|vetoed|failed)\b|\bdid(?: not|n't) pass\b|\brejected on[- ]?chain\b|\bfailed to (?:pass|reach quorum)\b`,
  'iu',
);
const WITHDRAWN = /\b(?:withdraw(?:ing|n)?|retract(?:ing|ed)?|pull(?:ing)?\s+(?:back|down)|cancell?(?:ing|ed)?)\s+(?:this|the|our|my)\s+proposal\b|\bproposal\s+(?:is|has been|was)\s+(?:withdrawn|retracted|cancell?ed)\b|\bwe(?:'re| are| will be)?\s+withdrawing\b/iu;
const HEDGE = /\b(?:if|once|when|until|unless|hope|hopefully|assuming|whether|should|would|will|may|might|not|never|before|could)\b|n't\b/iu;

function sentenceBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 160), index);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('\n'));
  return before.slice(cut + 1);
}

/** The phrase when the pattern occurs as a plain statement, not hedged ("if it passes", "has not passed"). */
function statedPhrase(text: string, pattern: RegExp): string | null {
  for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
    if (HEDGE.test(sentenceBefore(text, match.index))) continue;
    const start = Math.max(0, text.lastIndexOf('\n', match.index) + 1);
    const end = text.indexOf('\n', match.index);
    return text.slice(start, end === -1 ? undefined : end).trim().slice(0, 200);
  }
  return null;
}

function onChainNumber(text: string): number | null {
  const link = EXPLORER.exec(text) ?? NAMED_ONCHAIN.exec(text);
  if (link?.[1]) return Number(link[1]);
  for (const match of text.matchAll(NUMBERED)) {
    const start = Math.max(text.lastIndexOf('\n', match.index), 0);
    const endIndex = text.indexOf('\n', match.index);
    const line = text.slice(start, endIndex === -1 ? undefined : endIndex);
    if (match[1] && CHAIN_CONTEXT.test(line)) return Number(match[1]);
  }
  return null;
}

/** Status statements in one text: an on-chain number, "passed", "was rejected", "we withdraw this proposal". */
export function findStatusPhrases(text: string): StatusPhrases {
  const plain = text.replace(/\r\n?/gu, '\n');
  return {
    onChain: onChainNumber(plain),
    passed: statedPhrase(plain, PASSED),
    rejected: statedPhrase(plain, REJECTED),
    withdrawn: statedPhrase(plain, WITHDRAWN),
  };
}
