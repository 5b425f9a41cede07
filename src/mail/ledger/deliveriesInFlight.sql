SELECT * FROM deliveries WHERE in_flight_since IS NOT NULL ORDER BY kind, report_id, recipient, generation
