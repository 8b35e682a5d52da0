<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Cli</name>
    <message>
        <source>Internal error ({kind}). Run again with --debug for details.</source>
        <translation>内部错误（{kind}）。加上 --debug 再运行一次可看详情。</translation>
    </message>
    <message>
        <source>No scene named “{name}”. Scenes: {names}</source>
        <translation>没有名为“{name}”的场景。现有场景：{names}</translation>
    </message>
    <message>
        <source>No show plan at {path}. Check the file name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} is not UTF-8 text. Save the plan as UTF-8 and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not read {path}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} problem(s) in the show plan.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The show plan is fine: {products} products, {lotteries} lotteries, {steps} steps.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <source>OBS WebSocket address, e.g. ws://127.0.0.1:4455</source>
        <translation>OBS WebSocket 地址，例如 ws://127.0.0.1:4455</translation>
    </message>
    <message>
        <source>OBS password (kept in the system keyring)</source>
        <translation>OBS 密码（保存在系统钥匙串）</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>OBS too old</source>
        <translation>OBS 版本太旧</translation>
    </message>
    <message>
        <source>OBS {obs} · WebSocket {ws}</source>
        <translation>OBS {obs} · WebSocket {ws}</translation>
    </message>
    <message>
        <source>Next try in {seconds} s.</source>
        <translation>{seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>That is not an OBS address. Use the form ws://127.0.0.1:4455.</source>
        <translation>这不是 OBS 地址。请按 ws://127.0.0.1:4455 的格式填写。</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>OBS answers at {where}.</source>
        <translation>OBS 在 {where} 正常应答。</translation>
    </message>
    <message>
        <source>Advanced: the console cannot set the encoder bitrate; set it in OBS → Settings → Output.</source>
        <translation>高级模式：中控台无法设置编码码率，请在 OBS → 设置 → 输出 中手动设置。</translation>
    </message>
    <message>
        <source>not checked: OBS not reachable</source>
        <translation>未检查：连不上 OBS</translation>
    </message>
    <message>
        <source>{backend}: no usable keyring, secrets cannot be saved</source>
        <translation>{backend}：没有可用的系统钥匙串，密钥无法保存</translation>
    </message>
    <message>
        <source>No Chinese font found: overlays would show empty boxes. Install one (Linux: fonts-wqy-microhei or fonts-noto-cjk).</source>
        <translation>没有找到中文字体：画面上的文字会显示成方框。请安装一个（Linux：fonts-wqy-microhei 或 fonts-noto-cjk）。</translation>
    </message>
</context>
<context>
    <name>DryRunRoom</name>
    <message>
        <source>Rehearsal (dry run)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rehearsal: “{title}” marked done; nothing was sent to a live room.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>No column with the product name was found (looked for 商品名称, 商品标题, 标题 …). Choose which column holds the name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No file at {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not read {name} as a goods list ({detail}). Save it again from the back office as .xlsx or .csv and retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The goods id {id} is a rounded number: the spreadsheet lost its last digits. Export the list again with the id column as text; this row was skipped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The goods id {id} is in E+ notation: Excel rounded it and digits are lost. Export the list again without opening it in Excel (or format the column as text); this row was skipped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The goods id {id} ends in zeros, as a number rounded by Excel does. Check it against the back office; this row was imported, check its id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} has no rows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No product name in this row; it was skipped.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Studio Console · 直播中控台</source>
        <translation>直播中控台 · Studio Console</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
</context>
<context>
    <name>ManualRoom</name>
    <message>
        <source>Push “{title}” to the screen (商品上屏) in the live console or the anchor app.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Put “{title}” on the shelf (上架) in the live console.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take “{title}” off the shelf (下架) in the live console.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the coupon “{title}” (推送优惠券) in the live console or the anchor app.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start the lottery “{title}” (发起抽奖) in the anchor app.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draw the lottery “{title}” (开奖); keep the anchor app in front until it is done.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the announcement (公告) in the live console: “{title}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Press “推送本场直播” in the live console (once a day).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manual (checklist)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ObsLink</name>
    <message>
        <source>OBS is not running at {where}, or its WebSocket server is off (OBS: Tools → WebSocket Server Settings).</source>
        <translation>{where} 上没有运行 OBS，或 OBS 的 WebSocket 服务器没有开启（OBS：工具 → WebSocket 服务器设置）。</translation>
    </message>
    <message>
        <source>Nothing answers at {where}. Is OBS frozen, or is this the right port?</source>
        <translation>{where} 没有任何应答。OBS 是否卡死了？端口是否填对？</translation>
    </message>
    <message>
        <source>Cannot reach OBS at {where}: {reason}</source>
        <translation>连不上 {where} 上的 OBS：{reason}</translation>
    </message>
    <message>
        <source>OBS asks for a password. Enter the one shown in OBS: Tools → WebSocket Server Settings → Show Connect Info.</source>
        <translation>OBS 需要密码。请填写 OBS 中显示的密码：工具 → WebSocket 服务器设置 → 显示连接信息。</translation>
    </message>
    <message>
        <source>OBS closed the connection while logging in. Retrying.</source>
        <translation>登录时 OBS 断开了连接，正在重试。</translation>
    </message>
    <message>
        <source>Wrong OBS password. Copy it again from OBS: Tools → WebSocket Server Settings → Show Connect Info.</source>
        <translation>OBS 密码错误。请从 OBS 重新复制：工具 → WebSocket 服务器设置 → 显示连接信息。</translation>
    </message>
    <message>
        <source>OBS refused the connection (code {code}). Retrying.</source>
        <translation>OBS 拒绝了连接（代码 {code}），正在重试。</translation>
    </message>
    <message>
        <source>This OBS does not speak obs-websocket 5. Update OBS to version 28 or newer (it has the WebSocket server built in).</source>
        <translation>这个 OBS 不支持 obs-websocket 5。请把 OBS 升级到 28 或更新版本（自带 WebSocket 服务器）。</translation>
    </message>
    <message>
        <source>Not connected to OBS.</source>
        <translation>未连接 OBS。</translation>
    </message>
    <message>
        <source>Lost the connection to OBS. Reconnecting…</source>
        <translation>与 OBS 的连接断了，正在重连…</translation>
    </message>
    <message>
        <source>Connecting to OBS at {where}…</source>
        <translation>正在连接 {where} 上的 OBS…</translation>
    </message>
    <message>
        <source>Could not connect to OBS at {where}. Retrying.</source>
        <translation>无法连接 {where} 上的 OBS，正在重试。</translation>
    </message>
    <message>
        <source>Connected to OBS {obs} (WebSocket {ws}).</source>
        <translation>已连接 OBS {obs}（WebSocket {ws}）。</translation>
    </message>
    <message>
        <source>OBS went away. Reconnecting as soon as it is back…</source>
        <translation>OBS 不见了。它一回来就会自动重连…</translation>
    </message>
    <message>
        <source>OBS is closing. Reconnecting as soon as it is back…</source>
        <translation>OBS 正在关闭。它一回来就会自动重连…</translation>
    </message>
    <message>
        <source>OBS is busy with something else. Try again in a moment.</source>
        <translation>OBS 正忙，请稍后再试。</translation>
    </message>
    <message>
        <source>OBS does not allow this while studio mode is off.</source>
        <translation>需要先打开 OBS 的工作室模式才能这样做。</translation>
    </message>
    <message>
        <source>OBS cannot do this while the output is running. Stop the stream first.</source>
        <translation>推流进行中，OBS 不能做这个操作。请先停止推流。</translation>
    </message>
    <message>
        <source>OBS cannot do this while the output is not running.</source>
        <translation>没有在推流，OBS 不能做这个操作。</translation>
    </message>
    <message>
        <source>OBS has nothing by that name.</source>
        <translation>OBS 里没有这个名字的项目。</translation>
    </message>
    <message>
        <source>Something with that name already exists in OBS.</source>
        <translation>OBS 里已经有同名的项目。</translation>
    </message>
    <message>
        <source>OBS refused the request {request} (code {code}).</source>
        <translation>OBS 拒绝了请求 {request}（代码 {code}）。</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>The show plan has {count} problem(s); the first, on line {line}: {message}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No show plan at {path}. Check the file name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The show plan {path} is not UTF-8 text. Save it as UTF-8 and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not valid TOML here ({detail}). Check quotes, brackets and “=”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown section “{name}”. Sections are: show, products, coupons, lotteries, announcements, order.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” must be a list of [[{name}]] tables.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown field “{key}” in {section}. Known fields: {known}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“show” must be a [show] table.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show kind “{kind}” is unknown: use “sales” (带货专场) or “content_sales” (内容+带货).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The start must be a date and time such as 2024-06-18T20:00:00+08:00.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A live session may last at most 12 hours (720 minutes); this plan has {n}. Split it into two shows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The live price {live} is higher than the list price {price}. Check the prices of “{name}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Talking points must be a list of texts, e.g. ["功能", "价格"].</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lottery kind “{kind}” is unknown: use “comment” (评论抽奖) or “like” (点赞抽奖).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Step “{step}” is unknown. Steps are: {known}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A segment needs a title, e.g. title = "开场互动".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Step “{step}” needs ref = the id of one of the {table}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No {table} with id “{ref}”. Known ids: {ids}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The id “{id}” is used twice (first on line {line}). Each id must be unique.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A live room can have at most {cap} lotteries; this plan has {n}. Remove {extra}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A live room's shelf holds at most {cap} goods; this plan has {n}. Split the goods over two shows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The lottery “{prize}” starts about {start} min into the show and would be drawn after the planned end ({end} min): the draw would fail. Move it earlier or shorten it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Each entry needs an id = "…" (a short unique name used in the running order).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{key}” is missing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{key}” must be text in quotes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{key}” is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{key}” must be {kind}, without quotes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{key}” must be at least {minimum}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{key}” must be a price in yuan, e.g. 59.9.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The goods id {id} was rounded by a spreadsheet (E+ notation): digits are lost. Copy the id again from the platform's goods list.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>in {seconds} s (at {time})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An announcement must be {low}–{high} characters; this one has {n}. Edit the text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The show has reached the platform's 12-hour limit for one live session. End it and start a new live session.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Announcements went out too quickly, so the platform asks for a 60 s pause. You can send the next one {when}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The current announcement is still showing (each shows 20 s). You can send the next one {when}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This live room already has {cap} lotteries, the platform's limit. No more lotteries can be started in this show.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The draw would be at {draw}, after the show's end at {end}, and the platform would fail it. Shorten the lottery to at most {minutes} min, or move the planned end.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The shelf already holds {cap} goods, the platform's limit. Take a product off the shelf first, then add this one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The subscriber push (推送本场直播) works only while the room is live. Send it after 开始直播.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The subscriber push was already sent today; the platform allows one a day. It is possible again after midnight (Beijing time), {when}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Rundown</name>
    <message>
        <source>“{title}” is being explained ({elapsed} of {target} min). The playbook says not to interrupt an explanation. Push anyway?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The show is already on air.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No product “{id}” in the plan.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-run: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The loop needs a lottery and two products from the plan.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{title}” is on air or done; only later steps can be moved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No lottery “{id}” in the plan.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No coupon “{id}” in the plan.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draw “{prize}” in {seconds} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draw “{prize}” now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” ends in {seconds} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next: {title} in {seconds} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{title}” reaches its target in {seconds} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No step “{id}” in the running order.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The show is not on air. Start the show first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ScenesPanel</name>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Studio mode (preview first)</source>
        <translation>工作室模式（先预览）</translation>
    </message>
    <message>
        <source>Transition used when switching</source>
        <translation>切换场景时使用的转场</translation>
    </message>
    <message>
        <source>Transition ▶ program</source>
        <translation>转场 ▶ 上节目</translation>
    </message>
    <message>
        <source>Send the preview scene to program</source>
        <translation>把预览场景切到节目画面</translation>
    </message>
    <message>
        <source>Scenes (waiting for OBS)</source>
        <translation>场景（等待 OBS）</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No usable system keyring ({backend}). Secrets are never saved in plain files: on Linux start your desktop's keyring (e.g. GNOME Keyring) and unlock it; on Windows and macOS the system one is used.</source>
        <translation>没有可用的系统钥匙串（{backend}）。密钥绝不会存进普通文件：Linux 上请启动并解锁桌面钥匙串（如 GNOME Keyring）；Windows 和 macOS 会使用系统自带的。</translation>
    </message>
    <message>
        <source>The system keyring refused ({backend}): it may be locked. Unlock it and try again.</source>
        <translation>系统钥匙串拒绝了操作（{backend}），可能已锁定。请解锁后重试。</translation>
    </message>
</context>
<context>
    <name>ShowLog</name>
    <message>
        <source>No show log at {path}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StreamControl</name>
    <message>
        <source>OBS is already streaming.</source>
        <translation>OBS 已经在推流了。</translation>
    </message>
</context>
<context>
    <name>StreamPanel</name>
    <message>
        <source>Stream: unknown (OBS not connected)</source>
        <translation>推流状态：未知（未连接 OBS）</translation>
    </message>
    <message>
        <source>Not streaming</source>
        <translation>未推流</translation>
    </message>
    <message>
        <source>Starting the stream…</source>
        <translation>正在开始推流…</translation>
    </message>
    <message>
        <source>● LIVE — pushing to the platform</source>
        <translation>● 直播中 — 正在推流到平台</translation>
    </message>
    <message>
        <source>OBS lost the ingest and is reconnecting…</source>
        <translation>OBS 与推流服务器断开，正在重连…</translation>
    </message>
    <message>
        <source>Stopping the stream…</source>
        <translation>正在停止推流…</translation>
    </message>
    <message>
        <source>Click again to STOP the stream</source>
        <translation>再点一次以停止推流</translation>
    </message>
    <message>
        <source>Stop streaming</source>
        <translation>停止推流</translation>
    </message>
    <message>
        <source>Start streaming</source>
        <translation>开始推流</translation>
    </message>
</context>
</TS>