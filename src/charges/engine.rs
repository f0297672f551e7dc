//! The dated events of each account, replayed in order: interest starts and rate changes,
//! payments and credits, fee assessments, compensation. Everything is recomputed from the
//! events, so a payment entered late changes what follows its date exactly as if it had
//! been entered on time.

use super::fees::{self, Room, Schedule};
use super::interest::{add_days, Accrual};
use super::regimes::preset;
use super::{Fee, Period};
use crate::error::{internal, Error, ErrorCode, Result};
use crate::ledger::{Application, Book, ReceiptKind};
use crate::limits::{MAX_FEE_ASSESSMENTS, MAX_INTEREST_PERIODS};
use crate::money::{Currency, Money};
use crate::policy::{Component, InterestBase, Policy};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The days a run looks at.
#[derive(Clone, Copy)]
pub(crate) struct Span {
    /// Interest runs through this day; later records are left out.
    pub end: NaiveDate,
    /// Fees and compensation are assessed through this day.
    pub fees_through: NaiveDate,
    /// Payments and credits dated through this day count.
    pub receipts_through: NaiveDate,
}

/// One invoice's charges after a run.
pub(crate) struct Debt<'p> {
    /// The invoice's index in the book.
    pub index: usize,
    pub currency: Currency,
    pub amount: i128,
    pub issue_date: NaiveDate,
    pub disputed: bool,
    pub principal: i128,
    pub fees_owed: i128,
    pub compensation_owed: i128,
    pub compensation: i128,
    interest_closed: i128,
    interest_paid: i128,
    capitalized: i128,
    /// Paid on fees (compensation included), interest and principal.
    pub paid: [i128; 3],
    pub fees: Vec<Fee>,
    pub periods: Vec<Period>,
    /// What each payment and credit applied: day, kind, index in the book, amount.
    pub receipts: Vec<(NaiveDate, ReceiptKind, usize, i128)>,
    /// The open period: its first day, base and rate.
    open: Option<(NaiveDate, i128, Decimal, bool)>,
    pub accrual: Option<Accrual>,
    schedules: Vec<Schedule<'p>>,
    compensation_due: Option<(NaiveDate, Money)>,
    base_with_fees: bool,
}

/// Replays the events of every account of `book` under `policy` over `span`; returns the
/// debts of the invoices issued by `span.end`, in book order, and the unapplied cash per
/// account.
pub(crate) fn run<'p, Id: AsRef<str>>(
    book: &Book<Id>,
    policy: &'p Policy,
    span: Span,
) -> Result<(Vec<Debt<'p>>, Vec<i128>)> {
    let mut debts = Vec::new();
    for (index, invoice) in book.invoices.iter().enumerate() {
        if invoice.issue_date > span.end {
            continue;
        }
        let account = book.accounts.get(invoice.account as usize);
        let currency = account
            .ok_or_else(|| internal("an invoice has no account"))?
            .currency;
        let debt = Debt::new(index, invoice, currency, policy, span).map_err(|e| {
            e.within(crate::error::Segment::Index(index))
                .in_field("invoices")
        })?;
        debts.push(debt);
    }
    // Each account's debts and receipts, gathered in one pass over each list.
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); book.accounts.len()];
    for (d, debt) in debts.iter().enumerate() {
        let invoice = book
            .invoices
            .get(debt.index)
            .ok_or_else(|| internal("a debt has no invoice"))?;
        order
            .get_mut(invoice.account as usize)
            .ok_or_else(|| internal("an invoice has no account"))?
            .push(d);
    }
    let mut receipts: Vec<Vec<(NaiveDate, ReceiptKind, usize)>> =
        vec![Vec::new(); book.accounts.len()];
    for (kind, list) in [
        (ReceiptKind::Payment, &book.payments),
        (ReceiptKind::Credit, &book.credits),
    ] {
        for (i, r) in list
            .iter()
            .enumerate()
            .filter(|(_, r)| r.date <= span.receipts_through)
        {
            receipts
                .get_mut(r.account as usize)
                .ok_or_else(|| internal("a receipt has no account"))?
                .push((r.date, kind, i));
        }
    }
    // The named applications by receipt, to find a receipt's in a binary search.
    let mut named: Vec<Application> = book.applications.clone();
    crate::order::sort_by(&mut named, &|a, b| {
        (a.kind, a.receipt).cmp(&(b.kind, b.receipt))
    });
    let mut unapplied = vec![0i128; book.accounts.len()];
    for ((left, mut order), receipts) in unapplied.iter_mut().zip(order).zip(receipts) {
        // Oldest first, as the ledger allocates: by due date, then id.
        crate::order::sort_by(&mut order, &|&a, &b| {
            let key = |d: usize| {
                debts
                    .get(d)
                    .and_then(|d| book.invoices.get(d.index))
                    .map(|i| (i.due_date, i.id.as_ref()))
            };
            key(a).cmp(&key(b))
        });
        *left = replay(book, policy, span, (receipts, &named), &mut debts, &order)?;
    }
    Ok((debts, unapplied))
}

/// Replays one account, its receipts dated through `span.receipts_through` with every named
/// application (sorted by receipt); returns its unapplied cash.
fn replay<Id: AsRef<str>>(
    book: &Book<Id>,
    policy: &Policy,
    span: Span,
    (mut receipts, named): (Vec<(NaiveDate, ReceiptKind, usize)>, &[Application]),
    debts: &mut [Debt<'_>],
    order: &[usize],
) -> Result<i128> {
    crate::order::sort_by(&mut receipts, &|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut receipts = receipts.into_iter().peekable();
    let mut unapplied = 0i128;
    let mut account_fees = 0i128;
    let mut day = order
        .iter()
        .filter_map(|&d| debts.get(d))
        .map(|d| d.issue_date)
        .min();
    while let Some(today) = day.filter(|d| *d <= span.end) {
        for &d in order {
            debt(debts, d)?.begin_day(today)?;
        }
        while let Some((_, kind, r)) = receipts.next_if(|r| r.0 == today) {
            let list = match kind {
                ReceiptKind::Payment => &book.payments,
                ReceiptKind::Credit => &book.credits,
            };
            let mut left = i128::from(
                list.get(r)
                    .ok_or_else(|| internal("no such receipt"))?
                    .amount,
            );
            let key = (kind, r as u32);
            let first = named.partition_point(|a| (a.kind, a.receipt) < key);
            let last = named.partition_point(|a| (a.kind, a.receipt) <= key);
            for application in named.get(first..last).unwrap_or_default() {
                let d = order.iter().position(|&d| {
                    debts
                        .get(d)
                        .is_some_and(|d| d.index == application.invoice as usize)
                });
                if let Some(&d) = d.and_then(|d| order.get(d)) {
                    let amount = i128::from(application.amount).min(left);
                    left -= debt(debts, d)?.receive((today, kind, r), amount, &policy.waterfall)?;
                }
            }
            for &d in order {
                if left == 0 {
                    break;
                }
                let debt = debt(debts, d)?;
                if debt.issue_date <= today {
                    left -= debt.receive((today, kind, r), left, &policy.waterfall)?;
                }
            }
            if kind == ReceiptKind::Payment {
                unapplied += left;
            }
        }
        for &d in order {
            let debt = debt(debts, d)?;
            if today <= span.fees_through {
                account_fees += debt.assess(today, account_fees)?;
            }
            debt.end_day(today)?;
        }
        let next = order
            .iter()
            .filter_map(|&d| debts.get(d))
            .filter_map(|d| d.next_event(today, span))
            .min();
        let next_receipt = receipts.peek().map(|r| r.0);
        day = match (next, next_receipt) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    for &d in order {
        debt(debts, d)?.close(span.end)?;
    }
    Ok(unapplied)
}

fn debt<'a, 'p>(debts: &'a mut [Debt<'p>], d: usize) -> Result<&'a mut Debt<'p>> {
    debts.get_mut(d).ok_or_else(|| internal("no such debt"))
}

impl<'p> Debt<'p> {
    fn new<Id>(
        index: usize,
        invoice: &crate::ledger::Invoice<Id>,
        currency: Currency,
        policy: &'p Policy,
        span: Span,
    ) -> Result<Debt<'p>> {
        let amount = i128::from(invoice.amount);
        let accrual = match &policy.interest {
            Some(interest) => Some(
                Accrual::new(interest, policy.parties, invoice.due_date, span.end).map_err(
                    |e| match e.segments().is_empty() {
                        true => e.at("policy.interest"),
                        false => e,
                    },
                )?,
            ),
            None => None,
        };
        let schedules = policy
            .fees
            .iter()
            .map(|rule| Schedule::new(rule, invoice.due_date))
            .collect::<Result<_>>()?;
        let compensation_due = match policy.compensation {
            Some(compensation) => {
                let amount = Money::from_minor(amount, Some(currency)).to_decimal();
                match (preset(compensation.regime).compensation)(amount, policy.parties) {
                    Some((code, sum)) if code == currency.code() => Some((
                        add_days(invoice.due_date, 1)?,
                        Money::exact(sum, Some(currency))?,
                    )),
                    Some((code, _)) => {
                        let message = format!(
                            "the statutory compensation of {} is in {code}, this invoice in {currency}",
                            policy_name(compensation.regime)
                        );
                        return Err(Error::new(ErrorCode::CurrencyMismatch, message).at("currency"));
                    }
                    None => None,
                }
            }
            None => None,
        };
        Ok(Debt {
            index,
            currency,
            amount,
            issue_date: invoice.issue_date,
            disputed: invoice.disputed,
            principal: amount,
            fees_owed: 0,
            compensation_owed: 0,
            compensation: 0,
            interest_closed: 0,
            interest_paid: 0,
            capitalized: 0,
            paid: [0; 3],
            fees: Vec::new(),
            periods: Vec::new(),
            receipts: Vec::new(),
            open: None,
            base_with_fees: policy
                .interest
                .as_ref()
                .is_some_and(|i| i.base == InterestBase::PrincipalAndFees),
            accrual,
            schedules,
            compensation_due,
        })
    }

    /// The base interest is charged on now.
    fn base(&self) -> i128 {
        match self.principal > 0 {
            true => {
                self.principal
                    + self.capitalized
                    + if self.base_with_fees {
                        self.fees_owed
                    } else {
                        0
                    }
            }
            false => 0,
        }
    }

    /// Opens interest on its first day; closes and reopens a period where the rate changes
    /// or, compounding monthly, on an anniversary (unpaid interest joins the base).
    fn begin_day(&mut self, today: NaiveDate) -> Result<()> {
        self.assess_compensation(today);
        let Some(accrual) = &self.accrual else {
            return Ok(());
        };
        if today == accrual.start {
            return self.open_from(today);
        }
        let Some((_, _, rate, _)) = self.open else {
            return Ok(());
        };
        let anniversary = accrual.is_anniversary(today);
        if accrual.rate_on(today).0 != rate || anniversary {
            let yesterday = today.pred_opt().unwrap_or(today);
            self.close(yesterday)?;
            if anniversary {
                self.capitalized = self.interest_closed - self.interest_paid;
            }
            self.open_from(today)?;
        }
        Ok(())
    }

    fn open_from(&mut self, day: NaiveDate) -> Result<()> {
        let (base, accrual) = (self.base(), &self.accrual);
        if let (Some(accrual), true) = (accrual, base > 0) {
            let (rate, capped) = accrual.rate_on(day);
            self.open = Some((day, base, rate, capped));
        }
        Ok(())
    }

    /// Ends the open period on `to`: its interest, rounded once.
    pub(crate) fn close(&mut self, to: NaiveDate) -> Result<()> {
        let (Some((from, base, rate, capped)), Some(accrual)) = (self.open.take(), &self.accrual)
        else {
            return Ok(());
        };
        if to < from {
            return Ok(());
        }
        if self.periods.len() >= MAX_INTEREST_PERIODS {
            let message = format!("at most {MAX_INTEREST_PERIODS} interest periods on one invoice");
            return Err(Error::new(ErrorCode::LimitExceeded, message));
        }
        let amount = accrual.round(accrual.accrue(base, rate, from, to)?)?;
        self.interest_closed += amount;
        self.periods.push(Period {
            from,
            to,
            days: (to - from).num_days() + 1,
            annual_rate: rate,
            day_count: accrual.day_count,
            base: Money::from_minor(base, Some(self.currency)),
            amount: Money::from_minor(amount, Some(self.currency)),
            capped: capped.then_some(true),
        });
        if accrual.compounding == Some(crate::policy::Compounding::Daily) {
            self.capitalized = self.interest_closed - self.interest_paid;
        }
        Ok(())
    }

    /// Interest owed through `day`: closed periods and the open one so far, less what was
    /// paid.
    pub(crate) fn interest_owed(&self, day: NaiveDate) -> Result<i128> {
        let open = match (self.open, &self.accrual) {
            (Some((from, base, rate, _)), Some(accrual)) if from <= day => {
                accrual.round(accrual.accrue(base, rate, from, day)?)?
            }
            _ => 0,
        };
        Ok(self.interest_closed + open - self.interest_paid)
    }

    /// What one more day after `day` would add in interest, not rounded.
    pub(crate) fn next_day_interest(&self, day: NaiveDate) -> Result<Decimal> {
        let (Some(accrual), Ok(next)) = (&self.accrual, add_days(day, 1)) else {
            return Ok(Decimal::ZERO);
        };
        match self.base() > 0 && next >= accrual.start {
            true => accrual.accrue(self.base(), accrual.rate_on(next).0, next, next),
            false => Ok(Decimal::ZERO),
        }
    }

    /// Applies up to `amount` of a payment (by the waterfall) or a credit (to principal),
    /// received on its day; returns what was applied.
    fn receive(
        &mut self,
        receipt: (NaiveDate, ReceiptKind, usize),
        amount: i128,
        waterfall: &[Component],
    ) -> Result<i128> {
        let (today, kind, index) = receipt;
        let applied = match kind {
            ReceiptKind::Credit => {
                let applied = amount.min(self.principal).max(0);
                self.principal -= applied;
                applied
            }
            ReceiptKind::Payment => self.pay(amount, today, waterfall)?,
        };
        if applied > 0 {
            self.receipts.push((today, kind, index, applied));
        }
        Ok(applied)
    }

    /// Pays up to `amount` by the waterfall; returns what was paid.
    fn pay(&mut self, amount: i128, today: NaiveDate, waterfall: &[Component]) -> Result<i128> {
        let mut left = amount;
        for component in waterfall {
            let owed = match component {
                Component::Fees => self.compensation_owed + self.fees_owed,
                Component::Interest => self.interest_owed(today)?,
                Component::Principal => self.principal,
            };
            let pay = left.min(owed).max(0);
            left -= pay;
            match component {
                Component::Fees => {
                    let to_compensation = pay.min(self.compensation_owed);
                    self.compensation_owed -= to_compensation;
                    self.fees_owed -= pay - to_compensation;
                    self.paid[0] += pay;
                }
                Component::Interest => {
                    self.interest_paid += pay;
                    self.capitalized -= pay.min(self.capitalized);
                    self.paid[1] += pay;
                }
                Component::Principal => {
                    self.principal -= pay;
                    self.paid[2] += pay;
                }
            }
        }
        Ok(amount - left)
    }

    /// Assesses the statutory compensation on the day after the due date, before that day's
    /// payments: the debt is late as soon as that day begins (Directive 2011/7/EU art. 6(1):
    /// the fixed sum is owed where interest for late payment becomes payable).
    fn assess_compensation(&mut self, today: NaiveDate) {
        if let Some((day, sum)) = self.compensation_due {
            if day == today {
                self.compensation_due = None;
                if self.principal > 0 && !self.disputed {
                    self.compensation = sum.minor();
                    self.compensation_owed += sum.minor();
                }
            }
        }
    }

    /// Assesses the fees due on `today`, after the day's payments; returns the fees assessed.
    fn assess(&mut self, today: NaiveDate, account_fees: i128) -> Result<i128> {
        let mut assessed = 0;
        for (r, schedule) in self.schedules.iter_mut().enumerate() {
            if schedule.next != Some(today) {
                continue;
            }
            if self.principal <= 0 {
                schedule.next = None; // never after the invoice is paid
                continue;
            }
            if !self.disputed {
                let at = |e: Error| e.in_index(r).in_field("fees").in_field("policy");
                let principal = Money::from_minor(self.principal, Some(self.currency));
                let fee = fees::amount(schedule.rule, principal, self.currency).map_err(at)?;
                let room = Room {
                    invoice_fees: self.fees.iter().map(|f| f.amount.minor()).sum(),
                    invoice_amount: Money::from_minor(self.amount, Some(self.currency)),
                    account_fees: account_fees + assessed,
                };
                let (fee, capped) = fees::bounded(schedule.rule, fee, &room).map_err(at)?;
                if fee.minor() > 0 {
                    if self.fees.len() >= MAX_FEE_ASSESSMENTS {
                        let message = format!("at most {MAX_FEE_ASSESSMENTS} fees on one invoice; give the rule a 'maxCount'");
                        return Err(at(Error::new(ErrorCode::LimitExceeded, message)));
                    }
                    schedule.count += 1;
                    assessed += fee.minor();
                    self.fees_owed += fee.minor();
                    self.fees.push(Fee {
                        date: today,
                        rule: schedule.rule.id.clone(),
                        amount: fee,
                        capped,
                    });
                }
            }
            schedule.advance();
        }
        Ok(assessed)
    }

    /// Starts a new period after `today` if the base changed during the day.
    fn end_day(&mut self, today: NaiveDate) -> Result<()> {
        if let Some((_, base, _, _)) = self.open {
            if base != self.base() {
                self.close(today)?;
                if let Ok(tomorrow) = add_days(today, 1) {
                    self.open_from(tomorrow)?;
                }
            }
        }
        Ok(())
    }

    /// The next day after `today` on which something happens to this debt.
    fn next_event(&self, today: NaiveDate, span: Span) -> Option<NaiveDate> {
        let mut next: Vec<NaiveDate> = Vec::new();
        if let Some(accrual) = &self.accrual {
            if accrual.start > today {
                next.push(accrual.start);
            }
            if self.open.is_some() {
                next.extend(accrual.next_change(today));
                next.extend(accrual.next_anniversary(today));
            }
        }
        if self.principal > 0 {
            next.extend(
                self.schedules
                    .iter()
                    .filter_map(|s| s.next)
                    .filter(|d| *d > today && *d <= span.fees_through),
            );
            next.extend(self.compensation_due.map(|c| c.0).filter(|d| *d > today));
        }
        next.into_iter().min()
    }
}

fn policy_name(regime: crate::policy::Regime) -> &'static str {
    match regime {
        crate::policy::Regime::UkLpa => "UK-LPA",
        crate::policy::Regime::Eu2011 => "EU-2011-7",
        crate::policy::Regime::De288 => "DE-288",
        crate::policy::Regime::FrL441 => "FR-L441-10",
    }
}
