SELECT recipient, kind, since FROM mail_subscribers
