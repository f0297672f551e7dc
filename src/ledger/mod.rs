//! The ledger: invoices, payments and credits, allocation, aging, payment behaviour, KPIs.
