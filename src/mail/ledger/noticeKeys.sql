SELECT notice_key FROM mail_notices
