//! The policy written out for customers: what is sent when, the fees and interest that
//! apply, what happens at each stage, and how to dispute. The seeds of the collection process
//! ask that the policy be written down and given to customers before anything is late. The
//! words are in one table per locale.

use crate::json::{Decode, Describe, Encode};
use crate::money::Amount;
use crate::policy::{Action, Anchor, Channel, FeeKind, Policy, Regime, Step, StepCondition};
use crate::prose;

/// The languages of the written terms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Locale {
    /// English.
    #[default]
    En,
}

/// What `describePolicy` takes.
#[derive(Decode, Describe)]
pub struct DescribeInput {
    /// The policy (default: the default policy).
    pub policy: Option<Policy>,
    /// The language (default `en`).
    #[json(default)]
    pub locale: Locale,
}

/// The written terms.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Terms {
    /// The terms, as plain text with headings.
    pub text: String,
}

/// English words for every action and channel.
fn english(action: Action) -> &'static str {
    match action {
        Action::GoodwillCall => "we call to check you received the invoice",
        Action::PreDueReminder => "we send a courtesy reminder",
        Action::DueDateReminder => "we send a reminder that payment is due",
        Action::FollowUp => "we follow up",
        Action::SecondReminder => "we send a second reminder",
        Action::LateFeeNotice => "we tell you of the late fee before it is charged",
        Action::Escalation => "a senior member of our team takes over the account",
        Action::CreditHold => "we put the account on credit hold",
        Action::CreditLimitReduction => "we reduce your credit limit",
        Action::ServiceSuspension => "we suspend service until the account is current",
        Action::FormalDefaultNotice => {
            "we send a formal notice of default stating the total due with fees and interest"
        }
        Action::PaymentPlanOffer => "we offer a payment plan",
        Action::SettlementOffer => "we offer a settlement",
        Action::CreditBureauReport => {
            "we may report the default to credit reference agencies, as the law allows"
        }
        Action::FinalDemand => "we send a final demand",
        Action::AgencyPlacement => "we may place the debt with a collection agency",
        Action::LegalReview => "our counsel reviews whether to take legal action",
        Action::DemandLetter => "our counsel sends a letter before action",
        Action::Lawsuit => "we may file a claim in court",
        Action::JudgmentEnforcement => "we enforce the court's judgment",
        Action::PostJudgmentMonitoring => "we review the judgment debt from time to time",
        Action::AccountCancellation => "we cancel the account",
        Action::WriteOff => "we write the debt off",
        Action::PaymentAcknowledgment => "we confirm every payment we receive",
        Action::PromiseFollowUp => "if a promise to pay is broken, we follow up",
        Action::PlanMissedFollowUp => "if a plan installment is missed, we follow up",
    }
}

fn by(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => " (email)",
        Channel::Sms => " (text message)",
        Channel::Letter => " (letter)",
        Channel::Phone => " (phone)",
        Channel::Task => "",
    }
}

/// The written collection terms of `policy`.
///
/// ```
/// let terms = arrears::strategy::describe_policy(&Default::default(), Default::default());
/// assert!(terms.text.contains("3 days before the due date (email): we send a courtesy reminder."));
/// ```
pub fn describe_policy(policy: &Policy, locale: Locale) -> Terms {
    match locale {
        Locale::En => Terms {
            text: describe_english(policy),
        },
    }
}

fn describe_english(policy: &Policy) -> String {
    let mut text = String::from("How we collect what is owed\n\nThese terms apply to every invoice. We give them to you before anything is late.\n");
    for ladder in &policy.ladders {
        text.push_str(&format!("\nFor {} accounts:\n", words_of(&ladder.segment)));
        let applies = |step: &&Step| {
            !(step.when.contains(&StepCondition::FeeWillBeAssessed) && policy.fees.is_empty())
        };
        for step in ladder.steps.iter().filter(applies) {
            let days = |n: i32| match n.unsigned_abs() {
                1 => "1 day".to_owned(),
                n => format!("{n} days"),
            };
            let when = match (step.from, step.offset) {
                (Anchor::FirstFee, 0) => "When a late fee is first charged".to_owned(),
                (Anchor::FirstFee, n) if n < 0 => format!("{} before the first late fee", days(n)),
                (Anchor::FirstFee, n) => format!("{} after the first late fee", days(n)),
                (_, 0) => "On the due date".to_owned(),
                (_, n) if n < 0 => format!("{} before the due date", days(n)),
                (_, n) => format!("{} after the due date", days(n)),
            };
            text.push_str(&format!(
                "- {when}{}: {}.\n",
                by(step.channel),
                english(step.action)
            ));
        }
    }
    text.push_str("\nFees and interest\n");
    if policy.fees.is_empty() && policy.interest.is_none() && policy.compensation.is_none() {
        text.push_str("- We charge no late fees and no interest.\n");
    }
    for rule in &policy.fees {
        let amount = |a: Option<Amount>| a.map_or(String::new(), |a| a.0.to_string());
        let fee = match rule.kind {
            FeeKind::Flat => format!("a late fee of {}", amount(rule.amount)),
            FeeKind::Percent => format!(
                "a late fee of {}% of the unpaid amount",
                rule.percent.unwrap_or_default().normalize()
            ),
            FeeKind::Tiered => "a late fee that depends on the unpaid amount".to_owned(),
        };
        let every = match rule.every {
            Some(every) => match (every.days, every.months) {
                (Some(days), _) => format!(", then every {days} days while it is unpaid"),
                (_, Some(months)) => format!(", then every {months} month(s) while it is unpaid"),
                _ => String::new(),
            },
            None => String::new(),
        };
        let count = rule
            .max_count
            .map_or(String::new(), |n| format!(", at most {n} times"));
        text.push_str(&format!("- {fee}, charged {} days after the due date{every}{count}; never on an invoice you dispute.\n", rule.grace_days + 1));
    }
    if let Some(interest) = &policy.interest {
        let rate = match (interest.regime, interest.annual_rate) {
            (Some(regime), _) => format!("statutory interest ({})", regime_words(regime)),
            (None, Some(rate)) => format!("interest of {} a year", prose::percent(rate)),
            (None, None) => "interest at the dated rates of our terms".to_owned(),
        };
        text.push_str(&format!(
            "- {rate} from the day after the due date until the invoice is paid.\n"
        ));
    }
    if let Some(compensation) = &policy.compensation {
        text.push_str(&format!("- Fixed compensation for the costs of recovery, as {} sets it, once per late invoice.\n", regime_words(compensation.regime)));
    }
    text.push_str("\nIf you cannot pay\n- Tell us: we can agree a payment plan or a settlement, in writing.\n");
    text.push_str("\nIf you dispute an invoice\n- Tell us in writing. We pause collection of what you dispute until we have checked it and told you the result.\n");
    let rules = &policy.compliance;
    let mut rights = Vec::new();
    if rules.contact_hours.enabled {
        rights.push(format!(
            "We contact you only from {} to {}, your time.",
            clock(rules.contact_hours.from_hour),
            clock(rules.contact_hours.to_hour)
        ));
    }
    if rules.call_frequency.enabled {
        let c = &rules.call_frequency;
        rights.push(format!(
            "We call at most {} times in {} days, and not again within {} days after we speak.",
            c.max_calls, c.days, c.days
        ));
    }
    if rules.quiet_days.enabled {
        rights.push("We do not contact you on weekends or public holidays.".to_owned());
    }
    if rules.cease_communication {
        rights.push("You may ask us in writing to stop contacting you; we will then write only to tell you what we will do next.".to_owned());
    }
    if !rights.is_empty() {
        text.push_str("\nYour rights\n");
        rights
            .iter()
            .for_each(|r| text.push_str(&format!("- {r}\n")));
    }
    text
}

/// An hour of the day in words: `8 a.m.`, `9 p.m.`, `midnight`, `noon`.
fn clock(hour: u32) -> String {
    match hour % 24 {
        0 => "midnight".to_owned(),
        12 => "noon".to_owned(),
        h if h < 12 => format!("{h} a.m."),
        h => format!("{} p.m.", h - 12),
    }
}

fn words_of(segment: &str) -> String {
    match segment {
        "goodStanding" => "most".to_owned(),
        "highRisk" => "large or high-risk".to_owned(),
        "slowPayer" => "often-late".to_owned(),
        "newAccount" => "new".to_owned(),
        other => format!("'{other}'"),
    }
}

fn regime_words(regime: Regime) -> &'static str {
    match regime {
        Regime::UkLpa => "the Late Payment of Commercial Debts (Interest) Act 1998",
        Regime::Eu2011 => "Directive 2011/7/EU",
        Regime::De288 => "§288 BGB",
        Regime::FrL441 => "article L441-10 of the Code de commerce",
    }
}
