//! Payment terms: parsing the text printed on invoices, due dates, discounts, installments.
